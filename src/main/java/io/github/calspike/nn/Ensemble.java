package io.github.calspike.nn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Several members' parameters in one byte array: the magic "CSENS1", the member count, then each
 * member's length and bytes.
 */
public final class Ensemble {

	private static final String MAGIC = "CSENS1";

	private Ensemble() {}

	/** @return the members packed into one array */
	public static byte[] pack(List<byte[]> members) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeUTF(MAGIC);
			out.writeInt(members.size());
			for (byte[] m : members) {
				out.writeInt(m.length);
				out.write(m);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	/**
	 * @return the members of a packed array
	 * @throws IOException if the bytes are not a packed ensemble
	 */
	public static List<byte[]> unpack(byte[] packed) throws IOException {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
			if (!MAGIC.equals(in.readUTF())) throw new IOException("not a CalSpike ensemble");
			int n = in.readInt();
			if (n < 1 || n > 1000) throw new IOException("bad member count " + n);
			List<byte[]> out = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int len = in.readInt();
				if (len < 0 || len > packed.length) throw new IOException("bad member length " + len);
				byte[] m = new byte[len];
				in.readFully(m);
				out.add(m);
			}
			return out;
		}
		catch (java.io.EOFException | java.io.UTFDataFormatException e) {
			throw new IOException("truncated ensemble", e);
		}
	}
}
