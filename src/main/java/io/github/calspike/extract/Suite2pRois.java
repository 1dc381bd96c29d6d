package io.github.calspike.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

import io.github.calspike.files.TraceFormatException;

/**
 * The ROIs of a suite2p run, read from its {@code Fall.mat} (MATLAB v5, written by suite2p with
 * {@code save_mat}): {@code stat}, one entry per ROI with its pixels {@code ypix} and {@code xpix}
 * (0-based rows and columns), and {@code iscell}, whose first column is 1 for ROIs that suite2p
 * or its user classified as cells. Read with MFL (us.hebi.matlab.mat), since {@code stat.npy} is a
 * Python pickle.
 */
public final class Suite2pRois {

	private Suite2pRois() {}

	/**
	 * @param cellsOnly keep only the ROIs whose {@code iscell} first column is 1 (all when the file
	 *        has no {@code iscell})
	 * @return the ROIs as regions named by their 0-based suite2p index, in file order
	 * @throws TraceFormatException naming the file and what is missing or malformed
	 */
	public static List<NeurofinderRegions.Region> read(Path fallMat, boolean cellsOnly)
		throws IOException
	{
		if (!Files.isRegularFile(fallMat)) throw new IOException(fallMat + ": no such file");
		Mat5File mat;
		try {
			mat = Mat5.readFromFile(fallMat.toFile());
		}
		catch (IOException | RuntimeException e) {
			throw new TraceFormatException(fallMat, 0, 0, "not a MATLAB v5 .mat file suite2p wrote (" + e
				.getMessage() + "); save it from suite2p with save_mat, or MATLAB with -v7");
		}
		try {
			Array stat = entry(mat, "stat");
			if (stat == null) throw bad(fallMat, "has no 'stat' (the ROIs); is it suite2p's Fall.mat?");
			int n = stat.getNumElements();
			Matrix iscell = entry(mat, "iscell") instanceof Matrix ? mat.getMatrix("iscell") : null;
			if (iscell != null && iscell.getNumRows() != n) {
				throw bad(fallMat, "'iscell' has " + iscell.getNumRows() + " rows but 'stat' " + n + " ROIs");
			}
			List<NeurofinderRegions.Region> out = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				if (cellsOnly && iscell != null && iscell.getDouble(i, 0) < 0.5) continue;
				Matrix ypix = field(fallMat, stat, i, "ypix"), xpix = field(fallMat, stat, i, "xpix");
				if (ypix.getNumElements() != xpix.getNumElements()) {
					throw bad(fallMat, "ROI " + i + ": " + ypix.getNumElements() + " ypix but " + xpix
						.getNumElements() + " xpix");
				}
				int[] xs = new int[xpix.getNumElements()], ys = new int[xs.length];
				for (int k = 0; k < xs.length; k++) {
					xs[k] = whole(fallMat, i, "xpix", xpix.getDouble(k));
					ys[k] = whole(fallMat, i, "ypix", ypix.getDouble(k));
				}
				out.add(new NeurofinderRegions.Region(String.valueOf(i), xs, ys));
			}
			return Collections.unmodifiableList(out);
		}
		finally {
			mat.close();
		}
	}

	private static Array entry(Mat5File mat, String name) {
		for (var e : mat.getEntries()) if (e.getName().equals(name)) return e.getValue();
		return null;
	}

	private static Matrix field(Path file, Array stat, int i, String name) throws TraceFormatException {
		Array a;
		if (stat instanceof Cell) {
			Array item = ((Cell) stat).get(i);
			if (!(item instanceof Struct)) throw bad(file, "stat{" + (i + 1) + "} is not a struct");
			Struct s = (Struct) item;
			if (!s.getFieldNames().contains(name)) throw bad(file, "ROI " + i + " has no '" + name + "'");
			a = s.get(name);
		}
		else if (stat instanceof Struct) {
			Struct s = (Struct) stat;
			if (!s.getFieldNames().contains(name)) throw bad(file, "'stat' has no field '" + name + "'");
			a = s.get(name, i);
		}
		else throw bad(file, "'stat' is neither a cell array nor a struct array");
		if (!(a instanceof Matrix)) throw bad(file, "ROI " + i + ": '" + name + "' is not numeric");
		return (Matrix) a;
	}

	private static int whole(Path file, int roi, String name, double v) throws TraceFormatException {
		if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
			throw bad(file, "ROI " + roi + ": " + name + " holds " + v + ", not a pixel index");
		}
		return (int) v;
	}

	private static TraceFormatException bad(Path file, String problem) {
		return new TraceFormatException(file, 0, 0, "not suite2p output: " + problem);
	}
}
