package io.github.calspike.extract.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.TiffDecoder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

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
		catch (OutOfMemoryError e) {
			throw new IOException(file + ": too large to open in the " + (Runtime.getRuntime()
				.maxMemory() >> 20) + " MB Java may use; give Java more memory " +
				"(CALSPIKE_JAVA_OPTS=-Xmx..., in Fiji Edit > Options > Memory & Threads)", e);
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
		checkIfdChain(file, size);
		FileInfo[] infos;
		try {
			Path dir = file.toAbsolutePath().getParent();
			infos = new TiffDecoder(dir.toString() + java.io.File.separator, file.getFileName()
				.toString()).getTiffInfo();
		}
		catch (IOException | RuntimeException | OutOfMemoryError e) {
			throw new IOException(file + ": not a readable TIFF (" + e + ")", e);
		}
		if (infos == null || infos.length == 0) throw new IOException(file + ": no image in the TIFF");
		for (int k = 0; k < infos.length; k++) {
			FileInfo fi = infos[k];
			if (fi.width <= 0 || fi.height <= 0) {
				throw new IOException(file + ": image " + (k + 1) + " has size " + fi.width + "x" +
					fi.height);
			}
			long frameBytes = (long) fi.width * fi.height * Math.max(1, fi.getBytesPerPixel());
			long heap = Runtime.getRuntime().maxMemory();
			if (frameBytes > Integer.MAX_VALUE || frameBytes * Math.max(1, fi.nImages) > heap / 2 &&
				fi.compression != FileInfo.COMPRESSION_NONE && fi.compression != 0)
			{
				throw new IOException(file + ": image " + (k + 1) + " (" + fi.width + "x" + fi.height +
					" px" + (fi.nImages > 1 ? " x " + fi.nImages + " frames" : "") + ") needs " +
					(frameBytes * Math.max(1, fi.nImages) >> 20) + " MB unpacked, more than half of the " +
					(heap >> 20) + " MB Java may use; give Java more memory (CALSPIKE_JAVA_OPTS=-Xmx..., " +
					"in Fiji Edit > Options > Memory & Threads) or save the movie uncompressed, which " +
					"is streamed");
			}
			if (fi.stripOffsets != null && fi.stripLengths != null) {
				for (int j = 0; j < Math.min(fi.stripOffsets.length, fi.stripLengths.length); j++) {
					long end = (fi.stripOffsets[j] & 0xffffffffL) + (fi.stripLengths[j] & 0xffffffffL);
					if (end > size) {
						throw new IOException(file + ": truncated or damaged: image " + (k + 1) + ", strip " +
							(j + 1) + " ends at byte " + end + " but the file has " + size + " bytes");
					}
				}
				if (fi.compression == FileInfo.ZIP) checkZipStrips(file, fi, k);
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

	/**
	 * Inflates every zlib strip of one image: ImageJ's decoder loops forever on a stream that
	 * stops short or asks for a dictionary, so such a strip is refused before ImageJ reads it.
	 */
	private static void checkZipStrips(Path file, FileInfo fi, int image) throws IOException {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			byte[] out = new byte[1 << 16];
			for (int j = 0; j < Math.min(fi.stripOffsets.length, fi.stripLengths.length); j++) {
				int len = fi.stripLengths[j];
				if (len < 0 || len > 1 << 30) throw new IOException(file + ": damaged: strip " + (j + 1) +
					" of image " + (image + 1) + " claims " + (len & 0xffffffffL) + " bytes");
				ByteBuffer in = ByteBuffer.allocate(len);
				ch.read(in, fi.stripOffsets[j] & 0xffffffffL);
				Inflater inf = new Inflater();
				try {
					inf.setInput(in.array(), 0, in.position());
					while (!inf.finished()) {
						if (inf.inflate(out) == 0 && !inf.finished()) {
							throw new IOException(file + ": damaged or truncated zlib data in strip " + (j + 1) +
								" of image " + (image + 1) + (inf.needsInput() ? " (it stops short)" : ""));
						}
					}
				}
				catch (DataFormatException e) {
					throw new IOException(file + ": damaged zlib data in strip " + (j + 1) + " of image " +
						(image + 1) + " (" + e.getMessage() + ")", e);
				}
				finally {
					inf.end();
				}
			}
		}
	}

	/**
	 * Walks a classic TIFF's chain of image directories before ImageJ does: every directory must
	 * lie inside the file and none may come twice (ImageJ's decoder loops forever on a chain that
	 * points back, and reads past the end of a directory that does not fit). BigTIFF is left to
	 * ImageJ, which refuses it.
	 */
	/** Bytes per value of each TIFF field type (index = type; unknown types count as 1). */
	private static final int[] TYPE_BYTES = { 1, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4 };

	private static void checkIfdChain(Path file, long size) throws IOException {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer head = ByteBuffer.allocate(8);
			if (ch.read(head, 0) < 8) throw new IOException(file + ": too short for a TIFF (" + size +
				" bytes)");
			head.flip();
			byte b0 = head.get(0), b1 = head.get(1);
			if (b0 == 'I' && b1 == 'I') head.order(ByteOrder.LITTLE_ENDIAN);
			else if (b0 == 'M' && b1 == 'M') head.order(ByteOrder.BIG_ENDIAN);
			else throw new IOException(file + ": not a TIFF (no II or MM byte order mark)");
			int magic = head.getShort(2) & 0xffff;
			if (magic == 43) return; // BigTIFF
			if (magic != 42) throw new IOException(file + ": not a TIFF (magic number " + magic + ")");
			long ifd = head.getInt(4) & 0xffffffffL;
			java.util.Set<Long> seen = new java.util.HashSet<>();
			ByteBuffer two = ByteBuffer.allocate(2).order(head.order()),
				four = ByteBuffer.allocate(4).order(head.order());
			int n = 0;
			while (ifd != 0) {
				if (ifd < 8 || ifd + 2 > size) {
					throw new IOException(file + ": truncated or damaged: image directory " + (n + 1) +
						" at byte " + ifd + " lies outside the " + size + "-byte file");
				}
				if (!seen.add(ifd)) {
					throw new IOException(file + ": damaged: image directory " + (n + 1) + " points back to " +
						"byte " + ifd + " (a loop)");
				}
				two.clear();
				ch.read(two, ifd);
				int entries = two.getShort(0) & 0xffff;
				long next = ifd + 2 + 12L * entries;
				if (next + 4 > size) {
					throw new IOException(file + ": truncated or damaged: image directory " + (n + 1) +
						" (" + entries + " entries at byte " + ifd + ") ends past the " + size + "-byte file");
				}
				ByteBuffer dir = ByteBuffer.allocate(12 * entries).order(head.order());
				ch.read(dir, ifd + 2);
				for (int e = 0; e < entries; e++) {
					int tag = dir.getShort(12 * e) & 0xffff, type = dir.getShort(12 * e + 2) & 0xffff;
					long count = dir.getInt(12 * e + 4) & 0xffffffffL;
					long bytes = count * TYPE_BYTES[type < TYPE_BYTES.length ? type : 1];
					long at = dir.getInt(12 * e + 8) & 0xffffffffL;
					if (bytes > 4 && at + bytes > size) {
						throw new IOException(file + ": truncated or damaged: image directory " + (n + 1) +
							", tag " + tag + ": " + count + " values at byte " + at + " run past the " + size +
							"-byte file");
					}
				}
				four.clear();
				ch.read(four, next);
				ifd = four.getInt(0) & 0xffffffffL;
				n++;
			}
		}
	}
}
