package io.github.calspike.extract.ij;

import io.github.calspike.extract.NeurofinderRegions;
import io.github.calspike.extract.RoiMask;
import io.github.calspike.files.AtomicFiles;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.io.RoiEncoder;
import ij.process.ShortProcessor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes ROIs to a file chosen by its extension, atomically: {@code .zip} an ImageJ RoiSet
 * (traced outlines named by the masks' names), {@code .json} Neurofinder regions, {@code .tif} a
 * 16-bit label image (ROI k has value k, in list order; 0 is background).
 */
public final class RoiOutputs {

	/** The extensions {@link #write} understands. */
	public static final List<String> EXTENSIONS = List.of(".zip", ".json", ".tif");

	private RoiOutputs() {}

	/** @throws IllegalArgumentException naming the file when its extension is none of {@link #EXTENSIONS} */
	public static void checkExtension(Path file) {
		String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (!(n.endsWith(".zip") || n.endsWith(".json") || n.endsWith(".tif") || n.endsWith(".tiff"))) {
			throw new IllegalArgumentException("output: " + file + " has none of the extensions .zip " +
				"(RoiSet), .json (Neurofinder) or .tif (label image)");
		}
	}

	/** Writes {@code masks} (all of one frame size) to {@code file}, by its extension. */
	public static void write(Path file, List<RoiMask> masks, int width, int height)
		throws IOException
	{
		checkExtension(file);
		String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (n.endsWith(".zip")) writeRoiSet(file, masks);
		else if (n.endsWith(".json")) {
			List<NeurofinderRegions.Region> regions = new ArrayList<>();
			for (RoiMask m : masks) {
				int[] idx = m.indices(), xs = new int[idx.length], ys = new int[idx.length];
				for (int k = 0; k < idx.length; k++) {
					xs[k] = idx[k] % width;
					ys[k] = idx[k] / width;
				}
				regions.add(new NeurofinderRegions.Region(m.name(), xs, ys));
			}
			NeurofinderRegions.write(file, regions);
		}
		else writeLabels(file, masks, width, height);
	}

	/** @return the ROI of each mask (its traced outline), named as the mask */
	public static List<Roi> rois(List<RoiMask> masks) {
		List<Roi> out = new ArrayList<>();
		for (RoiMask m : masks) {
			Roi r = RoiOverlays.outline(m, 1);
			if (r == null) continue;
			r.setName(m.name());
			out.add(r);
		}
		return out;
	}

	private static void writeRoiSet(Path file, List<RoiMask> masks) throws IOException {
		List<Roi> rois = rois(masks);
		AtomicFiles.write(file, out -> {
			ZipOutputStream zip = new ZipOutputStream(out);
			for (Roi r : rois) {
				zip.putNextEntry(new ZipEntry(r.getName() + ".roi"));
				zip.write(RoiEncoder.saveAsByteArray(r));
				zip.closeEntry();
			}
			zip.finish();
		});
	}

	private static void writeLabels(Path file, List<RoiMask> masks, int width, int height)
		throws IOException
	{
		if (masks.size() > 65535) throw new IllegalArgumentException("output: " + masks.size() +
			" ROIs do not fit a 16-bit label image");
		ShortProcessor sp = new ShortProcessor(width, height);
		for (int k = 0; k < masks.size(); k++) {
			for (int i : masks.get(k).indices()) sp.set(i % width, i / width, k + 1);
		}
		byte[] tiff = new FileSaver(new ImagePlus(file.getFileName().toString(), sp)).serialize();
		if (tiff == null) throw new IOException(file + ": ImageJ could not encode the label image");
		AtomicFiles.write(file, out -> out.write(tiff));
	}
}
