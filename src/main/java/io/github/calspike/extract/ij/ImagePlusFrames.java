package io.github.calspike.extract.ij;

import io.github.calspike.extract.FrameSource;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ImageProcessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

/**
 * The time series of an ImagePlus as a {@link FrameSource}. A plain stack's slices are its time
 * points; a hyperstack must have one channel and either one slice or one frame. Frames wrap the
 * stack's pixel arrays without copying; a virtual stack reads each frame from disk when asked.
 */
public final class ImagePlusFrames implements FrameSource {

	private final ImagePlus image;
	private final ImageStack stack;
	private final boolean timeIsFrames;
	private final int frames;

	private ImagePlusFrames(ImagePlus image, boolean timeIsFrames, int frames) {
		this.image = image;
		this.stack = image.getStack();
		this.timeIsFrames = timeIsFrames;
		this.frames = frames;
	}

	/**
	 * @throws IllegalArgumentException for RGB images, several channels, or both slices and frames
	 */
	public static ImagePlusFrames of(ImagePlus image) {
		String name = "'" + image.getTitle() + "'";
		if (image.getBitDepth() == 24) {
			throw new IllegalArgumentException(name + " is an RGB image; convert it to 8, 16 or 32 " +
				"bits (Image > Type) before extracting traces");
		}
		if (image.getNChannels() > 1) {
			throw new IllegalArgumentException(name + " has " + image.getNChannels() + " channels; " +
				"split them (Image > Color > Split Channels) and pick the calcium channel");
		}
		int z = image.getNSlices(), t = image.getNFrames();
		if (z > 1 && t > 1) {
			throw new IllegalArgumentException(name + " has " + z + " slices and " + t + " frames; " +
				"reduce it to one plane over time (Image > Stacks > Tools > Reduce, or a Z projection)");
		}
		return t > 1 ? new ImagePlusFrames(image, true, t) : new ImagePlusFrames(image, false, z);
	}

	/**
	 * @return the frame rate in Hz from the image's frame interval (or fps) when set, else 0. Frame
	 *         intervals in ms or min are converted.
	 */
	public static double frameRateHz(ImagePlus image) {
		Calibration cal = image.getCalibration();
		double interval = cal.frameInterval;
		if (interval > 0) {
			String unit = cal.getTimeUnit() == null ? "sec" : cal.getTimeUnit().trim().toLowerCase();
			double seconds = unit.equals("ms") || unit.equals("msec") ? interval / 1000 : unit.startsWith(
				"min") ? interval * 60 : interval;
			return 1 / seconds;
		}
		return cal.fps > 0 ? cal.fps : 0;
	}

	@Override
	public int width() {
		return image.getWidth();
	}

	@Override
	public int height() {
		return image.getHeight();
	}

	@Override
	public int frames() {
		return frames;
	}

	/** In-memory stacks are; virtual stacks (read from disk, possibly through one stream) are not. */
	@Override
	public boolean isThreadSafe() {
		return !stack.isVirtual();
	}

	@Override
	public RandomAccessibleInterval<? extends RealType<?>> frame(int t) {
		int index = timeIsFrames ? image.getStackIndex(1, 1, t + 1) : t + 1;
		return wrap(stack.getProcessor(index));
	}

	@Override
	public void pixels(int t, float[] out) {
		int index = timeIsFrames ? image.getStackIndex(1, 1, t + 1) : t + 1;
		Object px = stack.getProcessor(index).getPixels();
		int n = image.getWidth() * image.getHeight();
		if (px instanceof short[]) {
			short[] s = (short[]) px;
			for (int i = 0; i < n; i++) out[i] = s[i] & 0xffff;
		}
		else if (px instanceof byte[]) {
			byte[] b = (byte[]) px;
			for (int i = 0; i < n; i++) out[i] = b[i] & 0xff;
		}
		else if (px instanceof float[]) System.arraycopy(px, 0, out, 0, n);
		else throw new IllegalArgumentException("RGB pixels cannot be measured; convert to 8, 16 or 32 bits");
	}

	/** @return the processor's pixels as an ImgLib2 image (no copy for 8, 16 and 32-bit) */
	public static RandomAccessibleInterval<? extends RealType<?>> wrap(ImageProcessor ip) {
		Object px = ip.getPixels();
		int w = ip.getWidth(), h = ip.getHeight();
		if (px instanceof byte[]) return ArrayImgs.unsignedBytes((byte[]) px, w, h);
		if (px instanceof short[]) return ArrayImgs.unsignedShorts((short[]) px, w, h);
		if (px instanceof float[]) return ArrayImgs.floats((float[]) px, w, h);
		throw new IllegalArgumentException("RGB pixels cannot be measured; convert to 8, 16 or 32 bits");
	}
}
