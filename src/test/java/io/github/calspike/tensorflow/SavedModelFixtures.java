package io.github.calspike.tensorflow;

import io.github.calspike.nn.TensorFlow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Builds the SavedModel fixtures of test-data/tensorflow with the TensorFlow Java API (the one
 * DJL's tensorflow-api bundles), from weights given by formulas, so that tests can compute every
 * output from the weights alone. Run by scripts/make-tensorflow-fixtures.
 * <ul>
 * <li>{@code linear-probability}: input {@code windows} (samples, 20), output
 * {@code spike_probability} (samples) = sigmoid(sum_b w[b] x[b] + B), with {@link #linearWeight}
 * and {@link #LINEAR_BIAS}.</li>
 * <li>{@code features-rate}: input {@code features} (samples, 32, 3), output {@code rate}
 * (samples, 1) = softplus(sum_{b,f} W[b,f] x[b,f] + C), with {@link #featureWeight} and
 * {@link #FEATURE_BIAS}.</li>
 * </ul>
 */
public final class SavedModelFixtures {

	/** Bins of the linear model's windows. */
	public static final int LINEAR_BINS = 20;
	/** Bias of the linear model. */
	public static final float LINEAR_BIAS = -2f;
	/** Bins of the feature model's windows. */
	public static final int FEATURE_BINS = 32;
	/** Bias of the feature model. */
	public static final float FEATURE_BIAS = -3f;

	private SavedModelFixtures() {}

	/** @return weight of bin {@code b} (0-based) of the linear model: a rise detector */
	public static float linearWeight(int b) {
		return b >= LINEAR_BINS / 2 ? 0.25f : -0.2f + 0.01f * b;
	}

	/** @return weight of bin {@code b}, feature {@code f} (x, dx, x²) of the feature model */
	public static float featureWeight(int b, int f) {
		int centre = FEATURE_BINS / 2;
		if (f == 0) return b >= centre ? 0.05f : -0.05f;
		if (f == 1) return b >= centre && b < centre + 4 ? 0.1f * (1 + b - centre) : 0f;
		return 0.002f * (b % 5);
	}

	public static void main(String[] args) throws Exception {
		Path out = Paths.get(args.length > 0 ? args[0] : "test-data/tensorflow");
		TensorFlow.engine();
		Files.createDirectories(out);
		linear(out.resolve("linear-probability"));
		features(out.resolve("features-rate"));
	}

	private static void linear(Path dir) throws Exception {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Placeholder<TFloat32> x = tf.withName("windows").placeholder(TFloat32.class, Placeholder
				.shape(Shape.of(-1, LINEAR_BINS)));
			float[][] w = new float[LINEAR_BINS][1];
			for (int b = 0; b < LINEAR_BINS; b++) w[b][0] = linearWeight(b);
			Operand<TFloat32> z = tf.math.add(tf.linalg.matMul(x, tf.constant(w)), tf.constant(
				LINEAR_BIAS));
			Operand<TFloat32> y = tf.reshape(tf.math.sigmoid(z), tf.constant(new long[] { -1 }));
			export(dir, s, Signature.builder().key("serving_default").input("windows", x).output(
				"spike_probability", y).build());
		}
	}

	private static void features(Path dir) throws Exception {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Placeholder<TFloat32> x = tf.withName("features").placeholder(TFloat32.class, Placeholder
				.shape(Shape.of(-1, FEATURE_BINS, 3)));
			float[][] w = new float[FEATURE_BINS * 3][1];
			for (int b = 0; b < FEATURE_BINS; b++) {
				for (int f = 0; f < 3; f++) w[3 * b + f][0] = featureWeight(b, f);
			}
			Operand<TFloat32> flat = tf.reshape(x, tf.constant(new long[] { -1, FEATURE_BINS * 3 }));
			Operand<TFloat32> z = tf.math.add(tf.linalg.matMul(flat, tf.constant(w)), tf.constant(
				FEATURE_BIAS));
			export(dir, s, Signature.builder().key("serving_default").input("features", x).output(
				"rate", tf.math.softplus(z)).build());
		}
	}

	private static void export(Path dir, Session s, Signature sig) throws Exception {
		if (Files.exists(dir)) throw new IllegalStateException(dir + " exists; remove it first");
		SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(sig, s))
			.export();
	}
}
