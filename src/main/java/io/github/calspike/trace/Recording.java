package io.github.calspike.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A named recording: traces with spikes, and the calcium and spikes files they came from. */
public final class Recording {

	private final String name;
	private final TraceSet traces;
	private final Path calcium;
	private final Path spikes;

	/** @param name short name, e.g. "4.train"; @param traces with spikes */
	public Recording(String name, TraceSet traces, Path calcium, Path spikes) {
		this.name = name;
		this.traces = traces;
		this.calcium = calcium;
		this.spikes = spikes;
	}

	/** @return the name */
	public String name() {
		return name;
	}

	/** @return the traces */
	public TraceSet traces() {
		return traces;
	}

	/** @return the calcium file */
	public Path calcium() {
		return calcium;
	}

	/** @return the spikes file */
	public Path spikes() {
		return spikes;
	}

	/**
	 * @return the traces of all {@code recordings} in one set, each neuron named
	 *         "recording/neuron" so that names stay unique
	 */
	public static TraceSet joined(List<Recording> recordings) {
		List<TraceSet> sets = new ArrayList<>();
		List<String> prefixes = new ArrayList<>();
		for (Recording r : recordings) {
			sets.add(r.traces());
			prefixes.add(r.name() + "/");
		}
		return TraceSet.concat(sets, prefixes);
	}
}
