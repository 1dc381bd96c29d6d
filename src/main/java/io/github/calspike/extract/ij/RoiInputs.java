package io.github.calspike.extract.ij;

import io.github.calspike.extract.NeurofinderRegions;
import io.github.calspike.extract.RoiList;
import io.github.calspike.extract.Suite2pRois;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.plugin.frame.RoiManager;

import java.awt.Point;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads ROIs for a movie from the ROI Manager, a {@code RoiSet.zip}, a single {@code .roi} file,
 * a Neurofinder regions JSON, suite2p's {@code Fall.mat} (its cells), or a label image (each
 * non-zero value one neuron).
 */
public final class RoiInputs {

	private RoiInputs() {}

	/**
	 * Reads ROIs from a file, chosen by its extension: {@code .zip}, {@code .roi}, {@code .json},
	 * {@code .mat} (suite2p);
	 * anything else is opened as a label image.
	 *
	 * @throws IOException naming the file when it cannot be read or is not what its extension says
	 * @throws IllegalArgumentException when a label image's size differs from the movie's frames
	 */
	public static RoiList read(Path file, int width, int height) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
		if (!Files.isReadable(file)) throw new IOException(file + ": cannot be read (permissions)");
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".zip")) return fromRois(readRoiSet(file), width, height);
		if (name.endsWith(".roi")) {
			Roi roi = RoiDecoder.open(file.toString());
			if (roi == null) throw new IOException(file + ": not an ImageJ .roi file");
			return fromRois(List.of(roi), width, height);
		}
		if (name.endsWith(".json") || name.endsWith(".mat")) {
			RoiList.Builder b = new RoiList.Builder(width, height);
			for (NeurofinderRegions.Region r : name.endsWith(".json") ? NeurofinderRegions.read(file)
				: Suite2pRois.read(file, true)) b.add(r.id(), r.xs(), r.ys());
			return b.build();
		}
		if (name.endsWith(".tif") || name.endsWith(".tiff")) MovieFiles.checkTiff(file);
		ImagePlus labels;
		try {
			labels = IJ.openImage(file.toString());
		}
		catch (RuntimeException | OutOfMemoryError e) {
			throw new IOException(file + ": ImageJ cannot open it as a label image (" + e + ")", e);
		}
		if (labels == null) {
			throw new IOException(file + ": cannot be opened as ROIs (expected RoiSet.zip, .roi, " +
				"Neurofinder .json, or a label image ImageJ can open)");
		}
		return fromLabelImage(labels, width, height);
	}

	/** @return whether there is no ROI Manager or it holds no ROI */
	public static boolean roiManagerIsEmpty() {
		RoiManager rm = RoiManager.getInstance();
		return rm == null || rm.getCount() == 0;
	}

	/** @return the ROIs of the ROI Manager, in its order */
	public static RoiList fromRoiManager(int width, int height) {
		RoiManager rm = RoiManager.getInstance();
		Roi[] rois = rm == null ? new Roi[0] : rm.getRoisAsArray();
		if (rois.length == 0) {
			throw new IllegalArgumentException("rois: none given and the ROI Manager is empty; add ROIs " +
				"to it or give rois= a RoiSet.zip, a label image or a Neurofinder JSON file");
		}
		return fromRois(List.of(rois), width, height);
	}

	/**
	 * @return one ROI per area ROI, named by the ROI's name or its 1-based position; line and
	 *         point selections are skipped with a warning
	 */
	public static RoiList fromRois(List<Roi> rois, int width, int height) {
		RoiList.Builder b = new RoiList.Builder(width, height);
		List<String> skipped = new ArrayList<>();
		for (int i = 0; i < rois.size(); i++) {
			Roi roi = rois.get(i);
			String name = roi.getName() != null && !roi.getName().isBlank() ? roi.getName() : String
				.valueOf(i + 1);
			if (!roi.isArea()) {
				skipped.add("ROI " + name + " is a " + roi.getTypeAsString().toLowerCase(Locale.ROOT) +
					" selection, not an area; skipped");
				continue;
			}
			Point[] pts = roi.getContainedPoints();
			int[] xs = new int[pts.length], ys = new int[pts.length];
			for (int k = 0; k < pts.length; k++) {
				xs[k] = pts[k].x;
				ys[k] = pts[k].y;
			}
			b.add(name, xs, ys);
		}
		RoiList list = b.build();
		if (skipped.isEmpty()) return list;
		return RoiList.withWarnings(list, skipped);
	}

	/** @return one ROI per non-zero label of a single-plane label image */
	public static RoiList fromLabelImage(ImagePlus labels, int width, int height) {
		if (labels.getStackSize() > 1) {
			throw new IllegalArgumentException("the label image '" + labels.getTitle() + "' has " + labels
				.getStackSize() + " planes; a label image has one");
		}
		if (labels.getBitDepth() == 24) {
			throw new IllegalArgumentException("the label image '" + labels.getTitle() +
				"' is RGB; labels must be 8, 16 or 32-bit values");
		}
		return RoiList.fromLabels(ImagePlusFrames.wrap(labels.getProcessor()), width, height);
	}

	/** @return the ROIs of an ImageJ RoiSet.zip, in the order stored */
	public static List<Roi> readRoiSet(Path zip) throws IOException {
		List<Roi> out = new ArrayList<>();
		try (ZipFile z = new ZipFile(zip.toFile())) {
			Enumeration<? extends ZipEntry> entries = z.entries();
			while (entries.hasMoreElements()) {
				ZipEntry e = entries.nextElement();
				if (e.isDirectory() || !e.getName().toLowerCase(Locale.ROOT).endsWith(".roi")) continue;
				byte[] bytes;
				try (InputStream in = z.getInputStream(e)) {
					bytes = in.readAllBytes();
				}
				Roi roi;
				try {
					roi = RoiDecoder.openFromByteArray(bytes);
				}
				catch (RuntimeException | OutOfMemoryError x) {
					throw new IOException(zip + ": entry " + e.getName() + " is a damaged ImageJ ROI (" + x +
						")", x);
				}
				if (roi == null) throw new IOException(zip + ": entry " + e.getName() + " is not an ImageJ ROI");
				if (roi.getName() == null) roi.setName(e.getName().replaceFirst("(?i)\\.roi$", ""));
				out.add(roi);
			}
		}
		catch (ZipException e) {
			throw new IOException(zip + ": not a zip file (" + e.getMessage() + ")", e);
		}
		if (out.isEmpty()) throw new IOException(zip + ": holds no .roi entries; not a RoiSet.zip");
		return out;
	}
}
