package io.github.calspike.command;

import io.github.calspike.extract.RoiList;
import io.github.calspike.extract.ij.RoiInputs;
import io.github.calspike.extract.ij.RoiOutputs;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

import java.awt.Rectangle;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Writes ROIs (the ROI Manager's, or those of a RoiSet.zip, label image, Neurofinder JSON or
 * suite2p Fall.mat) as
 * Neurofinder JSON, a RoiSet.zip or a label image, chosen by the output's extension.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CalSpike>Export ROIs")
public class ExportRois extends CalSpikeCommand {

	@Parameter(label = "ROIs (RoiSet.zip, label image, Neurofinder JSON, suite2p Fall.mat; " +
		"empty: ROI Manager)",
		style = FileWidget.OPEN_STYLE, required = false, persist = false)
	private File rois;
	@Parameter(label = "Image the ROIs belong to (sets the frame size; optional)", required = false,
		persist = false)
	private ImagePlus image;
	@Parameter(label = "Output (.json Neurofinder, .zip RoiSet, .tif labels)",
		style = FileWidget.SAVE_STYLE, persist = false)
	private File output;

	@Override
	public void run() {
		try {
			if (output == null) throw new IllegalArgumentException("output: no file given");
			Path out = output.toPath();
			RoiOutputs.checkExtension(out);
			Inputs.refuseInputs("output", out, Inputs.inputs("rois", rois));
			int[] size = size();
			RoiList list = rois != null ? RoiInputs.read(rois.toPath(), size[0], size[1]) : RoiInputs
				.fromRoiManager(size[0], size[1]);
			for (String w : list.warnings()) log.warn(w);
			if (list.masks().isEmpty()) throw new IllegalArgumentException("rois: no area ROI to export");
			RoiOutputs.write(out, list.masks(), size[0], size[1]);
			log.info(list.masks().size() + " ROIs written to " + out);
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}

	/** @return the frame size: the image's, a label image's own, or the ROIs' extent */
	private int[] size() throws IOException {
		if (image != null) return new int[] { image.getWidth(), image.getHeight() };
		if (rois != null) {
			String n = rois.getName().toLowerCase(java.util.Locale.ROOT);
			if (n.endsWith(".tif") || n.endsWith(".tiff") || n.endsWith(".png")) {
				ImagePlus labels = IJ.openImage(rois.getPath());
				if (labels == null) throw new IOException(rois + ": ImageJ cannot open it as a label image");
				return new int[] { labels.getWidth(), labels.getHeight() };
			}
			if (n.endsWith(".zip")) return extent(RoiInputs.readRoiSet(rois.toPath()).toArray(new Roi[0]));
			if (n.endsWith(".json") || n.endsWith(".mat")) {
				int w = 1, h = 1;
				for (var r : n.endsWith(".json") ? io.github.calspike.extract.NeurofinderRegions.read(rois
					.toPath()) : io.github.calspike.extract.Suite2pRois.read(rois.toPath(), true)) {
					for (int x : r.xs()) w = Math.max(w, x + 1);
					for (int y : r.ys()) h = Math.max(h, y + 1);
				}
				return new int[] { w, h };
			}
		}
		RoiManager rm = RoiManager.getInstance();
		return extent(rm == null ? new Roi[0] : rm.getRoisAsArray());
	}

	private static int[] extent(Roi[] rois) {
		int w = 1, h = 1;
		for (Roi r : rois) {
			Rectangle b = r.getBounds();
			w = Math.max(w, b.x + b.width);
			h = Math.max(h, b.y + b.height);
		}
		return new int[] { w, h };
	}
}
