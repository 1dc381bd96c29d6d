package io.github.calspike.extract;

import io.github.calspike.trace.TraceSet;

import java.util.Collections;
import java.util.List;

/**
 * The traces of every extraction step, ROI by ROI: raw F, ring F, neuropil-corrected F, baseline
 * F0 and dF/F (steps that did not run are null). Arrays are shared, not copied: do not modify.
 */
public final class ExtractedTraces {

	private final List<String> names;
	private final double rateHz;
	private final List<RoiMask> rois;
	private final List<RoiMask> rings;
	private final double[][] raw, ring, corrected, baseline, dff;
	private final boolean[] rawDenominator;

	ExtractedTraces(List<String> names, double rateHz, List<RoiMask> rois, List<RoiMask> rings,
		double[][] raw, double[][] ring, double[][] corrected, double[][] baseline, double[][] dff,
		boolean[] rawDenominator)
	{
		this.rawDenominator = rawDenominator;
		this.names = Collections.unmodifiableList(names);
		this.rateHz = rateHz;
		this.rois = Collections.unmodifiableList(rois);
		this.rings = rings == null ? null : Collections.unmodifiableList(rings);
		this.raw = raw;
		this.ring = ring;
		this.corrected = corrected;
		this.baseline = baseline;
		this.dff = dff;
	}

	/** @return ROI names, in order */
	public List<String> names() {
		return names;
	}

	/** @return frames per second */
	public double rateHz() {
		return rateHz;
	}

	/** @return the ROIs */
	public List<RoiMask> rois() {
		return rois;
	}

	/** @return the neuropil rings, or null without neuropil correction */
	public List<RoiMask> rings() {
		return rings;
	}

	/** @return raw mean fluorescence F per ROI and frame */
	public double[][] raw() {
		return raw;
	}

	/** @return ring mean fluorescence per ROI and frame, or null */
	public double[][] ring() {
		return ring;
	}

	/** @return neuropil-corrected fluorescence (raw F when r = 0) */
	public double[][] corrected() {
		return corrected;
	}

	/** @return baseline F0, or null without dF/F */
	public double[][] baseline() {
		return baseline;
	}

	/** @return dF/F, or null when it was not asked for */
	public double[][] dff() {
		return dff;
	}

	/** @return whether ROI {@code i}'s dF/F divides by its raw baseline (see RoiExtraction) */
	public boolean rawDenominator(int i) {
		return rawDenominator[i];
	}

	/** @return the final traces (dF/F when computed, else corrected F) */
	public double[][] result() {
		return dff != null ? dff : corrected;
	}

	/** @return the final traces as a trace set at the movie's rate */
	public TraceSet traces() {
		return new TraceSet(names, rateHz, result(), null);
	}
}
