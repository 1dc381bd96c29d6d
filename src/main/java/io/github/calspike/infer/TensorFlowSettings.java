package io.github.calspike.infer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import io.github.calspike.data.WindowSpec;
import io.github.calspike.files.AtomicFiles;
import io.github.calspike.model.ModelFormatException;
import io.github.calspike.trace.Choices;
import io.github.calspike.trace.Normalization;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How CalSpike feeds a TensorFlow SavedModel and reads its output: the window around each frame,
 * the input layout and features, the normalisation, the model's sampling rate, what its output
 * means and the signature to call. Stored as {@value #FILE} beside the model on first use.
 */
public final class TensorFlowSettings {

	/** Name of the settings file beside a SavedModel. */
	public static final String FILE = "calspike.json";
	/** Default signature of a SavedModel. */
	public static final String DEFAULT_SIGNATURE = "serving_default";
	/** Format tag written into {@value #FILE}. */
	static final String FORMAT = "calspike-tensorflow-settings";

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
		.create();

	/** How windows are laid out in the model's input tensor. */
	public enum Layout {
		/** (samples, bins): one value per bin. */
		SAMPLES_BINS("samples,bins", 2),
		/** (samples, bins, features). */
		SAMPLES_BINS_FEATURES("samples,bins,features", 3);

		/** The name users type. */
		public final String label;
		/** Rank of the input tensor. */
		public final int rank;

		Layout(String label, int rank) {
			this.label = label;
			this.rank = rank;
		}

		/** @return the layout named {@code s} ({@link Choices#find}: blanks around commas ignored) */
		public static Layout fromLabel(String s) {
			return Choices.find(values(), l -> l.label, s, "layout");
		}
	}

	/** The per-bin features the model expects. */
	public enum Features {
		/** The normalised value only. */
		RAW("raw", 1),
		/** The value x, its difference dx = x[b] - x[b-1] (0 in the first bin) and x². */
		X_DX_X2("x,dx,x2", 3);

		/** The name users type. */
		public final String label;
		/** Features per bin. */
		public final int count;

		Features(String label, int count) {
			this.label = label;
			this.count = count;
		}

		/** @return the features named {@code s} ({@link Choices#find}: blanks around commas ignored) */
		public static Features fromLabel(String s) {
			return Choices.find(values(), f -> f.label, s, "features");
		}
	}

	/** What the model's output means. */
	public enum Kind {
		/** The probability that the window's centre frame holds a spike. */
		PROBABILITY("probability"),
		/** Expected spikes in the centre frame (a rate per frame at the model's rate). */
		RATE("rate");

		/** The name users type. */
		public final String label;

		Kind(String label) {
			this.label = label;
		}

		/** @return the kind named {@code s} */
		public static Kind fromLabel(String s) {
			return Choices.find(values(), k -> k.label, s, "kind");
		}
	}

	/** Bins per window. */
	public final int window;
	/** Input layout. */
	public final Layout layout;
	/** Per-bin features. */
	public final Features features;
	/** Normalisation applied to each trace before windowing. */
	public final Normalization normalization;
	/** The model's sampling rate, Hz. */
	public final double modelRateHz;
	/** What the output means. */
	public final Kind kind;
	/** The SavedModel signature to call. */
	public final String signature;

	/**
	 * @throws IllegalArgumentException for a window under 1, a rate that is not positive, or raw
	 *         layout with three features
	 */
	public TensorFlowSettings(int window, Layout layout, Features features,
		Normalization normalization, double modelRateHz, Kind kind, String signature)
	{
		if (window < 1) throw new IllegalArgumentException("window must be at least 1 bin, got " + window);
		if (!(modelRateHz > 0) || Double.isInfinite(modelRateHz)) {
			throw new IllegalArgumentException("modelrate must be a positive rate in Hz, got " + modelRateHz);
		}
		if (layout == Layout.SAMPLES_BINS && features != Features.RAW) {
			throw new IllegalArgumentException("features=" + features.label + " needs " +
				"layout=samples,bins,features (layout=samples,bins holds one value per bin)");
		}
		if (signature == null || signature.isBlank()) throw new IllegalArgumentException("signature is empty");
		this.window = window;
		this.layout = Objects.requireNonNull(layout);
		this.features = Objects.requireNonNull(features);
		this.normalization = Objects.requireNonNull(normalization);
		this.modelRateHz = modelRateHz;
		this.kind = Objects.requireNonNull(kind);
		this.signature = signature.trim();
	}

	/** Settings a user gave for one run; null (or 0 for numbers) where not given. */
	public static final class Given {
		/** Bins per window, 0 when not given. */
		public int window;
		/** Input layout, or null. */
		public Layout layout;
		/** Features, or null. */
		public Features features;
		/** Normalisation, or null. */
		public Normalization normalization;
		/** The model's sampling rate in Hz, 0 when not given. */
		public double modelRateHz;
		/** Output kind, or null. */
		public Kind kind;
	}

	/**
	 * @return the settings to run with: each one as given, else as {@code stored} (null when the
	 *         model has none) says, else read off the model's input shape (window, layout, features),
	 *         else the defaults: robust z-score, probability, and the recording's rate
	 */
	public static TensorFlowSettings resolve(Given g, TensorFlowSettings stored, long[] inputShape,
		double recordingRateHz, String signature)
	{
		int rank = inputShape.length;
		long bins = rank > 1 ? inputShape[1] : -1, feats = rank > 2 ? inputShape[2] : -1;
		Layout layout = g.layout != null ? g.layout : stored != null ? stored.layout : rank == 3
			? Layout.SAMPLES_BINS_FEATURES : Layout.SAMPLES_BINS;
		int window = g.window > 0 ? g.window : stored != null ? stored.window : (int) bins;
		if (window < 1) {
			throw new IllegalArgumentException("The model's input " + java.util.Arrays.toString(
				inputShape) + " does not say how many bins a window holds; give window=");
		}
		Features features = g.features != null ? g.features : stored != null ? stored.features
			: layout == Layout.SAMPLES_BINS_FEATURES && feats == 3 ? Features.X_DX_X2 : Features.RAW;
		Normalization norm = g.normalization != null ? g.normalization : stored != null
			? stored.normalization : Normalization.ROBUST_ZSCORE;
		double hz = g.modelRateHz > 0 ? g.modelRateHz : stored != null ? stored.modelRateHz
			: recordingRateHz;
		Kind kind = g.kind != null ? g.kind : stored != null ? stored.kind : Kind.PROBABILITY;
		return new TensorFlowSettings(window, layout, features, norm, hz, kind, signature);
	}

	/** @return the window spec: frames t-⌊window/2⌋ .. t+window-⌊window/2⌋-1 around frame t */
	public WindowSpec windowSpec() {
		return new WindowSpec(window / 2, window - window / 2 - 1, WindowSpec.DEFAULT_SPIKE_N,
			WindowSpec.DEFAULT_STRIDE);
	}

	/**
	 * @return where the settings of {@code savedModel} live: {@value #FILE} inside a SavedModel
	 *         folder; beside a zip, {@code NAME.zip.calspike.json}
	 */
	public static Path fileFor(Path savedModel) {
		if (Files.isDirectory(savedModel)) return savedModel.resolve(FILE);
		return savedModel.resolveSibling(savedModel.getFileName() + "." + FILE);
	}

	/**
	 * @return the settings stored for {@code savedModel}, or null when there are none
	 * @throws ModelFormatException naming the file when it cannot be read as settings
	 */
	public static TensorFlowSettings read(Path savedModel) throws IOException {
		Path f = fileFor(savedModel);
		if (!Files.isRegularFile(f)) return null;
		Stored s;
		try {
			s = GSON.fromJson(Files.readString(f, StandardCharsets.UTF_8), Stored.class);
		}
		catch (JsonParseException | IOException e) {
			throw new ModelFormatException(f + ": not readable as CalSpike TensorFlow settings: " + e
				.getMessage(), e);
		}
		if (s == null || !FORMAT.equals(s.format)) {
			throw new ModelFormatException(f + ": not a CalSpike TensorFlow settings file (its format is " +
				(s == null ? "missing" : "'" + s.format + "'") + ", expected '" + FORMAT + "')");
		}
		try {
			return new TensorFlowSettings(s.window, Layout.fromLabel(s.layout), Features.fromLabel(
				s.features), Normalization.fromLabel(s.normalization), s.modelrate, Kind.fromLabel(s.kind),
				s.signature);
		}
		catch (RuntimeException e) {
			throw new ModelFormatException(f + ": " + e.getMessage(), e);
		}
	}

	/** Writes these settings for {@code savedModel}, atomically; never over an existing file. */
	public void write(Path savedModel) throws IOException {
		Path f = fileFor(savedModel);
		if (Files.exists(f)) throw new IOException(f + " exists already; CalSpike does not replace it");
		Stored s = new Stored();
		s.format = FORMAT;
		s.version = 1;
		s.window = window;
		s.layout = layout.label;
		s.features = features.label;
		s.normalization = normalization.label();
		s.modelrate = modelRateHz;
		s.kind = kind.label;
		s.signature = signature;
		AtomicFiles.write(f, out -> {
			Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			GSON.toJson(s, w);
			w.write('\n');
			w.flush();
		});
	}

	/** @return the settings that differ between {@code this} and {@code o}, as "name: a vs b" */
	public List<String> differences(TensorFlowSettings o) {
		List<String> d = new ArrayList<>();
		if (window != o.window) d.add("window " + window + " vs " + o.window);
		if (layout != o.layout) d.add("layout " + layout.label + " vs " + o.layout.label);
		if (features != o.features) d.add("features " + features.label + " vs " + o.features.label);
		if (normalization != o.normalization) {
			d.add("normalization " + normalization.label() + " vs " + o.normalization.label());
		}
		if (modelRateHz != o.modelRateHz) d.add("modelrate " + modelRateHz + " vs " + o.modelRateHz);
		if (kind != o.kind) d.add("kind " + kind.label + " vs " + o.kind.label);
		if (!signature.equals(o.signature)) d.add("signature " + signature + " vs " + o.signature);
		return d;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "window=%d layout=%s features=%s normalization=%s " +
			"modelrate=%s kind=%s signature=%s", window, layout.label, features.label, normalization
				.label(), modelRateHz, kind.label, signature);
	}

	/** The JSON form. */
	private static final class Stored {
		String format;
		int version;
		int window;
		String layout;
		String features;
		String normalization;
		double modelrate;
		String kind;
		String signature;
	}
}
