package io.github.calspike.extract;

import io.github.calspike.progress.Progress;
import io.github.calspike.trace.TraceSet;

import java.util.ArrayList;
import java.util.List;

/**
 * ROI traces from a movie: raw fluorescence F (mean over each ROI), neuropil correction
 * {@code F_corr = F - r * F_ring}, and optionally {@code dF/F = (F_corr - F0) / F0} with F0 a
 * running percentile of F_corr. Where neuropil correction leaves a ROI's baseline F0 below
 * {@link ExtractionConfig#MIN_BASELINE_FRACTION} of its raw baseline anywhere (the ring about as
 * bright as the ROI), that ROI divides by the raw baseline instead:
 * {@code (F_corr - F0) / F0_raw}, so that noise is not amplified without bound; such ROIs are
 * reported by {@link ExtractedTraces#rawDenominator(int)}. ROIs and rings are measured together in
 * one pass over the frames.
 */
public final class RoiExtraction {

	private RoiExtraction() {}

	/**
	 * @param movie at least two frames
	 * @param rois non-empty masks of the movie's frame size
	 * @param rateHz frames per second (used for the baseline window and the traces' rate)
	 * @return every step's traces
	 * @throws IllegalArgumentException on a one-frame movie, no ROIs, an empty ROI, a frame size
	 *           mismatch, or a non-positive baseline (naming the ROI)
	 */
	public static ExtractedTraces extract(FrameSource movie, List<RoiMask> rois, double rateHz,
		ExtractionConfig config, Progress progress)
	{
		if (movie.frames() < 2) {
			throw new IllegalArgumentException("the movie has " + movie.frames() +
				" frame; trace extraction needs a time series of at least 2 frames");
		}
		if (rois.isEmpty()) throw new IllegalArgumentException("no ROIs to measure");
		if (!(rateHz > 0)) throw new IllegalArgumentException("frame rate must be positive, got " +
			rateHz);
		for (RoiMask r : rois) {
			if (r.isEmpty()) throw new IllegalArgumentException(r.name() + ": ROI has no pixels");
		}
		List<RoiMask> rings = config.usesNeuropil() ? NeuropilRings.rings(rois, config.gap(), config
			.ringPixels()) : null;
		List<RoiMask> all = new ArrayList<>(rois);
		if (rings != null) all.addAll(rings);
		double[][] means = TraceExtractor.means(movie, all, progress);
		int n = rois.size();
		double[][] raw = new double[n][], ring = rings == null ? null : new double[n][];
		double[][] corrected = new double[n][];
		for (int i = 0; i < n; i++) {
			raw[i] = means[i];
			if (rings != null) {
				ring[i] = means[n + i];
				corrected[i] = new double[raw[i].length];
				for (int t = 0; t < raw[i].length; t++) {
					corrected[i][t] = raw[i][t] - config.neuropil() * ring[i][t];
				}
			}
			else corrected[i] = raw[i];
		}
		double[][] baseline = null, dff = null;
		boolean[] rawDenominator = new boolean[n];
		if (config.dff()) {
			baseline = new double[n][];
			dff = new double[n][];
			int window = config.baselineFrames(rateHz);
			for (int i = 0; i < n; i++) {
				baseline[i] = Baseline.runningPercentile(corrected[i], window, config.percentile());
				double[] denominator = baseline[i];
				if (rings != null) {
					double[] rawF0 = Baseline.runningPercentile(raw[i], window, config.percentile());
					for (int t = 0; t < rawF0.length; t++) {
						if (!(baseline[i][t] >= ExtractionConfig.MIN_BASELINE_FRACTION * rawF0[t])) {
							rawDenominator[i] = true;
							denominator = rawF0;
							break;
						}
					}
				}
				try {
					dff[i] = Baseline.deltaFOverF(corrected[i], baseline[i], denominator);
				}
				catch (IllegalArgumentException e) {
					throw new IllegalArgumentException("ROI " + rois.get(i).name() + ": " + e.getMessage() +
						"; set dff=false to keep fluorescence", e);
				}
			}
		}
		List<String> names = new ArrayList<>();
		for (RoiMask r : rois) names.add(r.name());
		return new ExtractedTraces(names, rateHz, rois, rings, raw, ring, corrected, baseline, dff,
			rawDenominator);
	}
}
