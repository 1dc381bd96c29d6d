package io.github.calspike.nn;

import ai.djl.MalformedModelException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rate networks with the same sizes whose outputs are averaged: the spike-rate model at
 * inference and the calibration after training both run it.
 */
public final class RateEnsemble implements AutoCloseable {

	private final List<RateNetwork> members = new ArrayList<>();

	/**
	 * @param packed the members' parameters, {@link Ensemble#pack}
	 * @throws IOException if the packing is damaged
	 * @throws MalformedModelException if the parameters do not fit networks of these sizes
	 */
	public RateEnsemble(int filters, int kernel, int layers, int globalContext, byte[] packed)
		throws IOException, MalformedModelException
	{
		try {
			for (byte[] p : Ensemble.unpack(packed)) {
				members.add(new RateNetwork(filters, kernel, layers, globalContext, p));
			}
		}
		catch (IOException | MalformedModelException | RuntimeException e) {
			close();
			throw e;
		}
	}

	/** @return the number of members */
	public int size() {
		return members.size();
	}

	/**
	 * @param x one normalised trace
	 * @param scale the networks' output per expected spike (their target scale)
	 * @return the members' mean output for each frame, divided by {@code scale}
	 */
	public double[] mean(float[] x, double scale) {
		double[] u = new double[x.length];
		for (RateNetwork m : members) {
			float[] r = m.rates(x);
			for (int k = 0; k < r.length; k++) u[k] += r[k];
		}
		double perFrame = 1 / (members.size() * scale);
		for (int k = 0; k < u.length; k++) u[k] *= perFrame;
		return u;
	}

	@Override
	public void close() {
		for (RateNetwork m : members) m.close();
	}
}
