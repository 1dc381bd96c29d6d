package io.github.calspike.extract.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.TiffDecoder;

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
		if (tiff) checkTiff(file);
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

	/**
	 * Checks a TIFF's structure before any pixel is decoded: every strip (and, for an
	 * uncompressed stack, every frame) must lie inside the file. ImageJ's zlib decoder spins
	 * forever on a truncated strip, so a truncated or damaged file is refused here instead.
	 *
	 * @throws IOException naming the file, the frame and how many bytes are missing
	 */
	public static void checkTiff(Path file) throws IOException {
		long size = Files.size(file);
		FileInfo[] infos;
		try {
			Path dir = file.toAbsolutePath().getParent();
			infos = new TiffDecoder(dir.toString() + java.io.File.separator, file.getFileName()
				.toString()).getTiffInfo();
		}
		catch (IOException | RuntimeException e) {
			throw new IOException(file + ": not a readable TIFF (" + e.getMessage() + ")", e);
		}
		if (infos == null || infos.length == 0) throw new IOException(file + ": no image in the TIFF");
		for (int k = 0; k < infos.length; k++) {
			FileInfo fi = infos[k];
			if (fi.width <= 0 || fi.height <= 0) {
				throw new IOException(file + ": image " + (k + 1) + " has size " + fi.width + "x" +
					fi.height);
			}
			if (fi.stripOffsets != null && fi.stripLengths != null) {
				for (int j = 0; j < Math.min(fi.stripOffsets.length, fi.stripLengths.length); j++) {
					long end = (fi.stripOffsets[j] & 0xffffffffL) + (fi.stripLengths[j] & 0xffffffffL);
					if (end > size) {
						throw new IOException(file + ": truncated or damaged: image " + (k + 1) + ", strip " +
							(j + 1) + " ends at byte " + end + " but the file has " + size + " bytes");
					}
				}
			}
			if (fi.compression == FileInfo.COMPRESSION_NONE || fi.compression == 0) {
				long frame = (long) fi.width * fi.height * Math.max(1, fi.getBytesPerPixel());
				long end = fi.getOffset() + fi.nImages * frame + (fi.nImages - 1) * Math.max(0,
					fi.getGap());
				if (end > size) {
					throw new IOException(file + ": truncated: its " + fi.nImages + " frame(s) of " + fi
						.width + "x" + fi.height + " need " + end + " bytes, the file has " + size +
						" (missing " + (end - size) + ")");
				}
			}
		}
	}
}
