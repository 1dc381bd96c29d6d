package io.github.calspike.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

import io.github.calspike.files.TraceFormatException;

/** suite2p's Fall.mat, as scipy's savemat writes it, in a fixture made here with MFL. */
public class Suite2pRoisTest {

	@TempDir
	Path dir;

	/** ROI 0 (cell): 3 px; ROI 1 (not a cell): 2 px; ROI 2 (cell): 4 px. */
	public static final int[][] YS = { { 5, 5, 6 }, { 20, 21 }, { 30, 30, 31, 31 } };
	public static final int[][] XS = { { 7, 8, 7 }, { 3, 3 }, { 40, 41, 40, 41 } };
	static final double[] ISCELL = { 1, 0, 1 };

	static Matrix row(int[] v, MatlabType type) {
		Matrix m = Mat5.newMatrix(1, v.length, type);
		for (int k = 0; k < v.length; k++) m.setInt(k, v[k]);
		return m;
	}

	static Matrix iscell() {
		Matrix m = Mat5.newMatrix(3, 2);
		for (int i = 0; i < 3; i++) {
			m.setDouble(i, 0, ISCELL[i]);
			m.setDouble(i, 1, 0.1 + 0.3 * i);
		}
		return m;
	}

	Path fallWithCells(String name) throws Exception {
		return fall(dir.resolve(name));
	}

	/**
	 * Writes a Fall.mat with stat as a 1 x N cell array of structs (scipy's savemat of suite2p's
	 * object array of dicts) holding {@link #YS}, {@link #XS}, and iscell {@link #ISCELL}.
	 */
	public static Path fall(Path p) throws Exception {
		Cell stat = Mat5.newCell(1, 3);
		for (int i = 0; i < 3; i++) {
			Struct s = Mat5.newStruct();
			s.set("ypix", row(YS[i], MatlabType.Int32));
			s.set("xpix", row(XS[i], MatlabType.Int32));
			s.set("npix", Mat5.newScalar(YS[i].length));
			stat.set(0, i, s);
		}
		MatFile mat = Mat5.newMatFile().addArray("stat", stat).addArray("iscell", iscell()).addArray(
			"F", Mat5.newMatrix(3, 10));
		Mat5.writeToFile(mat, p.toFile());
		return p;
	}

	@Test
	void readsTheCellsPixelsFromACellArrayOfStructs() throws Exception {
		Path p = fallWithCells("Fall.mat");
		List<NeurofinderRegions.Region> cells = Suite2pRois.read(p, true);
		assertEquals(2, cells.size());
		assertEquals("0", cells.get(0).id());
		assertEquals("2", cells.get(1).id());
		assertArrayEquals(YS[2], cells.get(1).ys());
		assertArrayEquals(XS[2], cells.get(1).xs());
		assertEquals(3, Suite2pRois.read(p, false).size());
	}

	@Test
	void readsAStructArrayToo() throws Exception {
		Struct stat = Mat5.newStruct(1, 3);
		for (int i = 0; i < 3; i++) {
			stat.set("ypix", i, row(YS[i], MatlabType.Double));
			stat.set("xpix", i, row(XS[i], MatlabType.Double));
		}
		Path p = dir.resolve("Fall-struct.mat");
		Mat5.writeToFile(Mat5.newMatFile().addArray("stat", stat).addArray("iscell", iscell()), p
			.toFile());
		List<NeurofinderRegions.Region> cells = Suite2pRois.read(p, true);
		assertEquals(2, cells.size());
		assertArrayEquals(XS[0], cells.get(0).xs());
	}

	@Test
	void refusesFilesThatAreNotSuite2pOutput() throws Exception {
		Path p = dir.resolve("other.mat");
		Mat5.writeToFile(Mat5.newMatFile().addArray("F", Mat5.newMatrix(2, 2)), p.toFile());
		TraceFormatException e = assertThrows(TraceFormatException.class, () -> Suite2pRois.read(p,
			true));
		assertTrue(e.getMessage().contains("other.mat") && e.getMessage().contains("'stat'"), e
			.getMessage());
		Path text = dir.resolve("text.mat");
		java.nio.file.Files.writeString(text, "not a mat file at all, just some text");
		e = assertThrows(TraceFormatException.class, () -> Suite2pRois.read(text, true));
		assertTrue(e.getMessage().contains("text.mat"), e.getMessage());
	}
}
