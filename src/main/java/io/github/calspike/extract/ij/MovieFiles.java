package io.github.calspike.extract.ij;

import ij.IJ;
import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens movies from disk. A TIFF larger than a quarter of the maximum heap is opened as a virtual
 * stack, so that it is streamed frame by frame instead of loaded whole.
 */
public final class MovieFiles {

	private MovieFiles() {}

	/** @return whether a file of {@code bytes} is opened virtually under the current heap limit */
	public static boolean opensVirtually(long bytes) {
		return bytes > Runtime.getRuntime().maxMemory() / 4;
	}

	/**
	 * @return the movie
	 * @throws IOException naming the file when it does not exist or ImageJ cannot open it
	 */
	public static ImagePlus open(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
		if (!Files.isReadable(file)) throw new IOException(file + ": cannot be read (permissions)");
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		boolean tiff = name.endsWith(".tif") || name.endsWith(".tiff");
		ImagePlus imp;
		try {
			imp = tiff && opensVirtually(Files.size(file)) ? IJ.openVirtual(file.toString()) : IJ
				.openImage(file.toString());
		}
		catch (RuntimeException e) {
			throw new IOException(file + ": ImageJ cannot open it (" + e + ")", e);
		}
		if (imp == null || imp.getStackSize() == 0) {
			throw new IOException(file + ": ImageJ cannot open it as an image (unknown or damaged format)");
		}
		return imp;
	}
}
