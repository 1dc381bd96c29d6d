package io.github.calspike.infer;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SymbolBlock;
import ai.djl.repository.zoo.Criteria;
import ai.djl.tensorflow.engine.TfSymbolBlock;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.util.PairList;

import io.github.calspike.data.WindowSpec;
import io.github.calspike.data.Windowing;
import io.github.calspike.model.ModelFolder;
import io.github.calspike.model.ModelFormatException;
import io.github.calspike.nn.TensorFlow;
import io.github.calspike.trace.Resampling;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A TensorFlow SavedModel (folder or zip) run through DJL's TensorFlow engine on windows cut
 * around every frame, as {@link TensorFlowSettings} say. The model's input and output are found
 * from its signature and checked against the settings before anything runs.
 */
public final class TensorFlowModel implements AutoCloseable {

	/** Windows per call into TensorFlow. */
	static final int BATCH = 4096;

	/** Chooses the settings once the model's input shape is known (from its signature). */
	public interface SettingsChooser {
		/**
		 * @return the settings to run with, for a model whose input has {@code inputShape} (-1 for a
		 *         dimension of any size)
		 */
		TensorFlowSettings choose(Shape inputShape) throws IOException;
	}

	private final TensorFlowSettings settings;
	private final String source;
	private final Path unzipped;
	private final ZooModel<NDList, NDList> model;
	private final Predictor<NDList, NDList> predictor;
	private final String inputName;
	private final String outputName;

	private TensorFlowModel(Path savedModel, String signature, SettingsChooser chooser)
		throws IOException
	{
		this.source = savedModel.toString();
		TensorFlow.engine();
		unzipped = Files.isDirectory(savedModel) ? null : unzip(savedModel);
		Path dir = modelFolder(unzipped == null ? savedModel : unzipped, savedModel);
		Criteria<NDList, NDList> c = Criteria.builder().setTypes(NDList.class, NDList.class)
			.optEngine(TensorFlow.ENGINE).optModelPath(dir).optTranslator(new NoopTranslator())
			.optOption("SignatureDefKey", signature).build();
		ZooModel<NDList, NDList> m = null;
		try {
			m = c.loadModel();
			Block b = m.getBlock();
			if (b instanceof TfSymbolBlock) {
				Set<String> keys = ((TfSymbolBlock) b).getSavedModelBundle().getMetaGraphDef()
					.getSignatureDefMap().keySet();
				if (!keys.contains(signature)) {
					throw new ModelFormatException(source + ": has no signature '" + signature +
						"'; it has " + new TreeSet<>(keys) + " (give signature=)");
				}
			}
			PairList<String, Shape> in = b.describeInput();
			PairList<String, Shape> out = b instanceof SymbolBlock ? ((SymbolBlock) b).describeOutput()
				: null;
			if (in == null || in.size() != 1) {
				throw new ModelFormatException(source + ": signature '" + signature + "' has " +
					(in == null ? 0 : in.size()) + " inputs " + (in == null ? "" : in.keys()) +
					"; CalSpike feeds one input of windows");
			}
			if (out == null || out.isEmpty()) {
				throw new ModelFormatException(source + ": signature '" + signature + "' has no outputs");
			}
			inputName = in.get(0).getKey();
			outputName = out.keys().stream().sorted().findFirst().orElseThrow();
			settings = chooser.choose(in.get(0).getValue());
			checkInput(in.get(0).getValue());
			predictor = m.newPredictor();
		}
		catch (ModelFormatException e) {
			closeQuietly(m);
			deleteUnzipped();
			throw e;
		}
		catch (Exception e) {
			closeQuietly(m);
			deleteUnzipped();
			throw new ModelFormatException(source + ": cannot load it as a TensorFlow SavedModel with " +
				"signature '" + signature + "': " + e.getMessage(), e);
		}
		model = m;
	}

	/**
	 * @return the SavedModel in {@code savedModel} (a folder holding saved_model.pb, or a zip of
	 *         one), ready to run with the settings {@code settings} chooses for its input shape
	 * @throws ModelFormatException naming the model when it cannot be loaded or its input does not
	 *         match the settings
	 */
	public static TensorFlowModel open(Path savedModel, String signature, SettingsChooser settings)
		throws IOException
	{
		if (!Files.exists(savedModel)) {
			throw new FileNotFoundException(savedModel + ": no such file or folder");
		}
		return new TensorFlowModel(savedModel, signature, settings);
	}

	/** @return the model in {@code savedModel}, run with {@code settings} */
	public static TensorFlowModel open(Path savedModel, TensorFlowSettings settings)
		throws IOException
	{
		return open(savedModel, settings.signature, shape -> settings);
	}

	/** @return the settings the model runs with */
	public TensorFlowSettings settings() {
		return settings;
	}

	/** @return where the model came from, with its input and output names */
	public String source() {
		return source + " (signature " + settings.signature + ", input " + inputName + ", output " +
			outputName + ")";
	}

	/**
	 * @return the model's output for every frame of a trace sampled at {@code rateHz}, at that rate:
	 *         probabilities resampled as they are; rates (expected spikes per model frame) resampled
	 *         as spikes per second and turned back into spikes per frame of the recording
	 */
	public double[] outputs(double[] calcium, double rateHz) {
		double modelHz = settings.modelRateHz;
		double[] x = settings.normalization.applyResampled(calcium, rateHz, modelHz);
		WindowSpec spec = settings.windowSpec();
		float[] windows = Windowing.everyFrame(x, spec);
		double[] y = new double[x.length];
		for (int start = 0; start < x.length; start += BATCH) {
			int n = Math.min(BATCH, x.length - start);
			float[] batch = features(windows, start, n, spec.length());
			float[] got = run(batch, n, spec.length());
			for (int k = 0; k < n; k++) y[start + k] = got[k];
		}
		if (settings.kind == TensorFlowSettings.Kind.PROBABILITY) {
			return Resampling.resample(y, modelHz, rateHz, calcium.length);
		}
		for (int k = 0; k < y.length; k++) y[k] *= modelHz;
		double[] back = Resampling.resample(y, modelHz, rateHz, calcium.length);
		for (int k = 0; k < back.length; k++) back[k] /= rateHz;
		return back;
	}

	/** @return windows {@code start .. start+n-1} in the model's feature layout, flat */
	private float[] features(float[] windows, int start, int n, int bins) {
		if (settings.features == TensorFlowSettings.Features.RAW) {
			float[] out = new float[n * bins];
			System.arraycopy(windows, start * bins, out, 0, n * bins);
			return out;
		}
		float[] out = new float[n * bins * 3];
		for (int k = 0; k < n; k++) {
			int w = (start + k) * bins, o = k * bins * 3;
			for (int b = 0; b < bins; b++) {
				float v = windows[w + b];
				out[o + 3 * b] = v;
				out[o + 3 * b + 1] = b == 0 ? 0 : v - windows[w + b - 1];
				out[o + 3 * b + 2] = v * v;
			}
		}
		return out;
	}

	private float[] run(float[] batch, int n, int bins) {
		Shape shape = settings.layout == TensorFlowSettings.Layout.SAMPLES_BINS ? new Shape(n, bins)
			: new Shape(n, bins, settings.features.count);
		try (NDManager nd = model.getNDManager().newSubManager()) {
			NDArray in = nd.create(batch, shape);
			in.setName(inputName);
			NDList out = predictor.predict(new NDList(in));
			NDArray y = out.size() == 1 ? out.get(0) : out.get(outputName);
			if (y == null) y = out.get(0);
			if (y.getShape().size() != n) {
				throw new IllegalStateException(source + ": output " + outputName + " has shape " + y
					.getShape() + " for " + n + " windows; CalSpike needs one value per window");
			}
			return y.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
		}
		catch (TranslateException e) {
			throw new IllegalStateException(source + ": TensorFlow failed on a batch of " + n +
				" windows: " + e.getMessage(), e);
		}
	}

	private void checkInput(Shape s) throws ModelFormatException {
		String want = settings.layout == TensorFlowSettings.Layout.SAMPLES_BINS ? "(samples, " +
			settings.window + ")" : "(samples, " + settings.window + ", " + settings.features.count + ")";
		String got = source + ": input " + inputName + " has shape " + s + ", but the settings (" +
			settings + ") feed " + want;
		if (s.dimension() != settings.layout.rank) {
			throw new ModelFormatException(got + "; set layout=" + (s.dimension() == 3
				? "samples,bins,features" : "samples,bins"));
		}
		if (s.get(1) > 0 && s.get(1) != settings.window) {
			throw new ModelFormatException(got + "; set window=" + s.get(1));
		}
		if (s.dimension() == 3 && s.get(2) > 0 && s.get(2) != settings.features.count) {
			throw new ModelFormatException(got + "; set features=" + (s.get(2) == 3 ? "x,dx,x2" : "raw"));
		}
	}

	/** @return the folder holding saved_model.pb: {@code dir} itself or its only subfolder */
	private static Path modelFolder(Path dir, Path given) throws IOException {
		if (Files.isRegularFile(dir.resolve("saved_model.pb"))) return dir;
		try (Stream<Path> s = Files.list(dir)) {
			List<Path> sub = s.filter(p -> Files.isRegularFile(p.resolve("saved_model.pb"))).collect(
				Collectors.toList());
			if (sub.size() == 1) return sub.get(0);
		}
		throw new ModelFormatException(given + ": no saved_model.pb in it (a SavedModel folder or a " +
			"zip of one is needed)");
	}

	/** Unzips {@code zip} into a new temporary folder, refusing entries that leave it. */
	private static Path unzip(Path zip) throws IOException {
		Path tmp = Files.createTempDirectory("calspike-savedmodel-");
		try (ZipFile z = new ZipFile(zip.toFile())) {
			for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements();) {
				ZipEntry e = en.nextElement();
				Path to = tmp.resolve(e.getName()).normalize();
				if (!to.startsWith(tmp)) throw new ModelFormatException(zip + ": entry " + e.getName() + " leaves the zip's folder");
				if (e.isDirectory()) {
					Files.createDirectories(to);
					continue;
				}
				Files.createDirectories(to.getParent());
				try (InputStream in = z.getInputStream(e)) {
					Files.copy(in, to);
				}
			}
			return tmp;
		}
		catch (IOException e) {
			deleteTree(tmp);
			if (e instanceof ModelFormatException) throw e;
			throw new ModelFormatException(zip + ": not a readable zip of a SavedModel: " + e.getMessage(), e);
		}
	}

	private static void deleteTree(Path dir) {
		try {
			ModelFolder.deleteTree(dir);
		}
		catch (IOException ignored) {
			// a temporary copy; the system cleans it up
		}
	}

	private void deleteUnzipped() {
		if (unzipped != null) deleteTree(unzipped);
	}

	private static void closeQuietly(ZooModel<?, ?> m) {
		if (m != null) m.close();
	}

	@Override
	public void close() {
		predictor.close();
		model.close();
		deleteUnzipped();
	}
}
