package io.github.calspike.detect;

import io.github.calspike.extract.FrameSource;
import io.github.calspike.extract.RoiMask;
import io.github.calspike.nn.PixelMaps;
import io.github.calspike.progress.Progress;

import java.util.List;

/**
 * Detects neurons in a movie's summary images with a segmentation network that predicts a cell
 * map and a centre map ({@link DetectorInputs}): each centre-map peak seeds a neuron, which a
 * watershed grows over the cell map. A neuron's score is its centre peak.
 */
public final class NeuronDetector {

	private NeuronDetector() {}

	/** The network's maps for one movie. */
	public static final class Maps {
		/** Probability that a pixel lies inside a neuron. */
		public final float[] cell;
		/** Probability-like closeness to a neuron's centre (1 at the centre). */
		public final float[] centre;

		/** Wraps a network's output maps: cell first, centre second. */
		public Maps(float[][] maps) {
			if (maps.length < 2) throw new IllegalArgumentException("the detector gives " + maps.length +
				" map(s); it needs a cell and a centre map");
			this.cell = maps[0];
			this.centre = maps[1];
		}
	}

	/** A detection and the summary images it was made from. */
	public static final class Result {
		/** The movie's summary images. */
		public final SummaryImages summaries;
		/** The neurons. */
		public final Detection neurons;

		Result(SummaryImages summaries, Detection neurons) {
			this.summaries = summaries;
			this.neurons = neurons;
		}
	}

	/**
	 * Detects the neurons of a movie: summary images in one streamed pass, the network's maps,
	 * then instances.
	 *
	 * @param progress told as frames are read; it may cancel by throwing
	 */
	public static Result detect(FrameSource movie, PixelMaps network, DetectionConfig cfg,
		Progress progress)
	{
		SummaryImages s = SummaryImages.of(movie, progress);
		Maps m = maps(DetectorInputs.channels(s), s.width, s.height, network, cfg);
		return new Result(s, instances(m, s.width, s.height, cfg));
	}

	/**
	 * @param channels {@link DetectorInputs#channels} of a movie
	 * @return the network's maps, averaged over the square's symmetries when {@code cfg} asks
	 */
	public static Maps maps(float[][] channels, int w, int h, PixelMaps network,
		DetectionConfig cfg)
	{
		PixelMaps net = cfg.averageSymmetries() ? Symmetries.averaged(network) : network;
		return new Maps(net.predict(channels, w, h));
	}

	/** @return neurons from a network's maps, strongest centre first */
	public static Detection instances(Maps maps, int w, int h, DetectionConfig cfg) {
		int[] seeds = Instances.peaks(maps.centre, w, h, cfg.threshold(), cfg.separation());
		int[] label = Instances.watershed(maps.cell, w, h, seeds, cfg.cellFloor(), 0, cfg.maxRadius());
		boolean[] kept = new boolean[seeds.length];
		List<RoiMask> masks = Instances.masks(label, w, h, seeds.length, cfg.minArea(), kept);
		double[] scores = new double[masks.size()];
		for (int k = 0, m = 0; k < seeds.length; k++) if (kept[k]) scores[m++] = maps.centre[seeds[k]];
		return new Detection(masks, scores);
	}
}
