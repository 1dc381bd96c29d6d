package io.github.calspike.bench;

import io.github.calspike.extract.ExtractedTraces;
import io.github.calspike.extract.ExtractionConfig;
import io.github.calspike.extract.NeurofinderRegions;
import io.github.calspike.extract.RoiExtraction;
import io.github.calspike.extract.RoiList;
import io.github.calspike.extract.RoiMask;
import io.github.calspike.extract.SyntheticMovie;
import io.github.calspike.extract.ij.ImagePlusFrames;
import io.github.calspike.extract.ij.MovieFiles;
import io.github.calspike.progress.Progress;

import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.io.FileSaver;
import ij.process.ImageProcessor;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/**
 * Writes a synthetic 512x512 16-bit TIFF of about {@code GB} gigabytes (64 distinct frames
 * repeated), then extracts 200 ROIs with neuropil rings from it as a virtual stack opened by
 * "Extract ROI Traces"'s file opener, reporting time and peak heap. Run under -Xmx1g.
 */
public final class StreamingBenchmark {

	public static void main(String[] args) throws Exception {
		double gb = Double.parseDouble(args[0]);
		Path file = Paths.get(args[1]);
		SyntheticMovie.Spec s = new SyntheticMovie.Spec();
		s.width = 512;
		s.height = 512;
		s.frames = 64;
		s.neurons = 200;
		s.radius = 6;
		SyntheticMovie m = SyntheticMovie.generate(s);
		int frames = (int) Math.round(gb * 1e9 / (512 * 512 * 2));
		ImageStack distinct = m.movie.getStack();
		m = null;
		VirtualStack cycling = new VirtualStack(512, 512, null, null) {
			@Override
			public ImageProcessor getProcessor(int n) {
				return distinct.getProcessor((n - 1) % distinct.getSize() + 1);
			}

			@Override
			public int getSize() {
				return frames;
			}

			@Override
			public int getBitDepth() {
				return 16;
			}
		};
		long t0 = System.nanoTime();
		ImagePlus source = new ImagePlus("stream", cycling);
		if (!new FileSaver(source).saveAsTiffStack(file.toString())) {
			throw new IllegalStateException("could not write " + file);
		}
		double writeS = (System.nanoTime() - t0) / 1e9;
		long bytes = Files.size(file);
		source = null;
		cycling = null;
		System.gc();
		for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();

		ImagePlus movie = MovieFiles.open(file);
		RoiList.Builder b = new RoiList.Builder(512, 512);
		SyntheticMovie.Spec again = s;
		for (NeurofinderRegions.Region r : SyntheticMovie.generate(shrink(again)).rois) {
			b.add(r.id(), r.xs(), r.ys());
		}
		List<RoiMask> rois = b.build().masks();
		long t = System.nanoTime();
		ExtractedTraces e = RoiExtraction.extract(ImagePlusFrames.of(movie), rois, 30,
			new ExtractionConfig(), Progress.NONE);
		double sec = (System.nanoTime() - t) / 1e9;
		long peak = 0;
		for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
			if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
		}
		System.out.println("| file | virtual | frames | ROIs | -Xmx | extraction s | MB/s | peak heap MiB |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		System.out.printf(Locale.ROOT, "| %.2f GB 16-bit TIFF (written in %.0f s) | %s | %d | %d + rings | %d MiB | %.1f | %.0f | %d |%n",
			bytes / 1e9, writeS, movie.getStack().isVirtual(), e.raw()[0].length, rois.size(), Runtime
				.getRuntime().maxMemory() >> 20, sec, bytes / 1e6 / sec, peak >> 20);
		Files.delete(file);
	}

	/** The same ROIs (same seed) from a movie of one frame, to save memory. */
	private static SyntheticMovie.Spec shrink(SyntheticMovie.Spec s) {
		s.frames = 2;
		return s;
	}
}
