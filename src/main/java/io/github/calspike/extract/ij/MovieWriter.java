package io.github.calspike.extract.ij;

import io.github.calspike.files.AtomicFiles;

import ij.ImagePlus;
import ij.VirtualStack;
import ij.io.FileInfo;
import ij.io.FileSaver;
import ij.io.TiffEncoder;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a movie whose frames are computed one at a time (for example registered frames) as an
 * ImageJ TIFF stack, streamed through a virtual stack so that memory stays at one frame, and
 * atomically: the file appears complete or not at all.
 */
public final class MovieWriter {

	private MovieWriter() {}

	/** Computes frame {@code t} (0-based) into {@code out}, width x height values row by row. */
	public interface Frames {
		/** Fills {@code out} with frame {@code t}; may throw a runtime exception to stop. */
		void frame(int t, float[] out);
	}

	/**
	 * Writes {@code frames} frames of {@code width x height} pixels to {@code file} as a TIFF stack
	 * of {@code bitDepth} bits (8 and 16 bits: values rounded and clamped to the type's range), with
	 * the calibration {@code cal} (may be null) and the stack as frames (t), not slices.
	 */
	public static void writeTiff(Path file, String title, int width, int height, int frames,
		int bitDepth, Calibration cal, Frames source) throws IOException
	{
		if (bitDepth != 8 && bitDepth != 16 && bitDepth != 32) {
			throw new IllegalArgumentException("Cannot write " + bitDepth + "-bit frames; use 8, 16 or 32");
		}
		Computed stack = new Computed(width, height, frames, bitDepth, source);
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(1, 1, frames);
		if (cal != null) imp.setCalibration(cal);
		FileInfo fi = imp.getFileInfo();
		fi.virtualStack = stack;
		fi.nImages = frames;
		fi.description = new FileSaver(imp).getDescriptionString();
		AtomicFiles.write(file, out -> new TiffEncoder(fi).write(out));
	}

	/** A virtual stack whose slices are computed on request. */
	private static final class Computed extends VirtualStack {
		private final int frames, bitDepth;
		private final Frames source;
		private final float[] buffer;

		Computed(int w, int h, int frames, int bitDepth, Frames source) {
			super(w, h, frames);
			this.frames = frames;
			this.bitDepth = bitDepth;
			this.source = source;
			this.buffer = new float[w * h];
		}

		@Override
		public ImageProcessor getProcessor(int n) {
			source.frame(n - 1, buffer);
			int w = getWidth(), h = getHeight();
			if (bitDepth == 32) return new FloatProcessor(w, h, buffer.clone());
			if (bitDepth == 16) {
				short[] s = new short[w * h];
				for (int i = 0; i < s.length; i++) s[i] = (short) Math.max(0, Math.min(65535, Math.round(buffer[i])));
				return new ShortProcessor(w, h, s, null);
			}
			byte[] b = new byte[w * h];
			for (int i = 0; i < b.length; i++) b[i] = (byte) Math.max(0, Math.min(255, Math.round(buffer[i])));
			return new ByteProcessor(w, h, b);
		}

		@Override
		public int getSize() {
			return frames;
		}

		@Override
		public int size() {
			return frames;
		}

		@Override
		public int getBitDepth() {
			return bitDepth;
		}

		@Override
		public String getSliceLabel(int n) {
			return null;
		}
	}
}
