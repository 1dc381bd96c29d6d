package io.github.calspike.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class EnsembleTest {

	@Test
	void packAndUnpack() throws IOException {
		List<byte[]> m = List.of(new byte[] { 1, 2, 3 }, new byte[0], new byte[] { 9 });
		List<byte[]> back = Ensemble.unpack(Ensemble.pack(m));
		assertEquals(3, back.size());
		for (int i = 0; i < 3; i++) assertArrayEquals(m.get(i), back.get(i));
	}

	@Test
	void truncatedOrForeignBytesAreRefused() {
		byte[] p = Ensemble.pack(List.of(new byte[] { 1, 2, 3, 4 }));
		assertThrows(IOException.class, () -> Ensemble.unpack(Arrays.copyOf(p, p.length - 2)));
		assertThrows(IOException.class, () -> Ensemble.unpack(new byte[] { 0, 3, 'a', 'b', 'c' }));
	}
}
