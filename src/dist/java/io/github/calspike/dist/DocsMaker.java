package io.github.calspike.dist;

import io.github.calspike.cli.CalSpikeCli;
import io.github.calspike.files.AtomicFiles;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Makes the figures and tables of {@code docs/tutorial.md} from the bundled data and models, by
 * running the commands the guide describes, headless, exactly as a user would type them
 * ({@code scripts/make-docs} runs it).
 * <ul>
 * <li>{@code DocsMaker run RUN_DIR}: runs every step of the guide, each into {@code RUN_DIR/STEP}.
 * <li>{@code DocsMaker publish RUN_DIR SCREENS_DIR DOCS_DIR}: copies the guide's figures (and the
 * window screenshots taken by {@code ScreenshotMain}) to {@code DOCS_DIR/img/}, and fills every
 * table block of {@code DOCS_DIR/tutorial.md} from the step's CSV file.
 * <li>{@code DocsMaker check RUN_DIR SCREENS_DIR DOCS_DIR}: fails unless the run made every figure
 * and table the guide uses and every image that the guide and the README link exists.
 * </ul>
 * A table block is {@code <!-- make-docs table STEP/FILE.csv [columns=a,b,c] [rows=N] -->} ...
 * {@code <!-- /make-docs -->}; what stands between the two lines is replaced.
 */
public final class DocsMaker {

	/** The bundled SpikeFinder recording and movie, relative to the repository root. */
	static final String CALCIUM = "test-data/spikefinder/5.train.calcium.csv";
	static final String SPIKES = "test-data/spikefinder/5.train.spikes.csv";
	static final String MOVIE = "test-data/neurofinder/neurofinder-crop-96";

	/** Each figure of the guide: its name under {@code docs/img/} and where a run leaves it. */
	static final Map<String, String> FIGURES = new LinkedHashMap<>();
	static {
		FIGURES.put("calcium-and-spikes.png", "load/Calcium and spikes, first 3 neurons.png");
		FIGURES.put("spike-windows.png", "windows/Example spike windows.png");
		FIGURES.put("classifier-history.png", "classifier/Training history.png");
		FIGURES.put("classifier-errors.png", "classifier/False positives and false negatives.png");
		FIGURES.put("spike-probability.png", "classify/Spike probability.png");
		FIGURES.put("digit-latent-space.png", "digits/Characterizing a two-dimensional latent space.png");
		FIGURES.put("vae-reconstructions.png", "latent/Windows and their reconstructions.png");
		FIGURES.put("vae-pca.png", "latent/Latent space, PC0 against PC1.png");
		FIGURES.put("vae-pc0-per-class.png", "latent/PC0 per class.png");
		FIGURES.put("vae-decoder-samples.png", "latent/Decoder samples along the SVM weights.png");
		FIGURES.put("inferred-spike-rate.png", "infer/Inferred spike rate.png");
		FIGURES.put("detected-neurons.png", "detect/Detected neurons on neurofinder-crop-96.png");
		FIGURES.put("movie-traces.png", "movie/ROI traces of neurofinder-crop-96.png");
		FIGURES.put("movie-rate.png", "movie/Inferred spike rate of neurofinder-crop-96.png");
		FIGURES.put("movie-raster.png", "movie/Spike raster of neurofinder-crop-96.png");
	}

	/** Each window screenshot of the guide and the README: its name under {@code docs/img/}. */
	static final Map<String, String> SCREENSHOTS = new LinkedHashMap<>();
	static {
		SCREENSHOTS.put("window-training.png", "training-window.png");
		SCREENSHOTS.put("window-detected-overlay.png", "detected-overlay.png");
		SCREENSHOTS.put("window-raster.png", "plot-window.png");
		SCREENSHOTS.put("window-rate.png", "plot-window-rate.png");
		SCREENSHOTS.put("window-results-table.png", "results-table.png");
	}

	private static final Pattern TABLE = Pattern.compile(
		"<!-- make-docs table (.+?\\.csv)((?: (?:columns|rows)=\\S+)*) -->\\n(.*?)<!-- /make-docs -->",
		Pattern.DOTALL);
	private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

	private DocsMaker() {}

	public static void main(String[] args) throws IOException {
		int code = 2;
		if (args.length == 2 && args[0].equals("run")) code = run(Paths.get(args[1]));
		else if (args.length == 4 && args[0].equals("publish")) {
			publish(Paths.get(args[1]), Paths.get(args[2]), Paths.get(args[3]));
			code = 0;
		}
		else if (args.length == 4 && args[0].equals("check")) {
			List<String> problems = check(Paths.get(args[1]), Paths.get(args[2]), Paths.get(args[3]),
				true);
			problems.forEach(p -> System.err.println("make-docs: " + p));
			code = problems.isEmpty() ? 0 : 1;
		}
		else System.err.println("usage: DocsMaker run RUN_DIR | publish|check RUN_DIR SCREENS_DIR DOCS_DIR");
		System.exit(code);
	}

	/** @return 0 when every step ran, else the first failing step's exit status */
	static int run(Path runDir) {
		String c = "calcium=" + CALCIUM, s = "spikes=" + SPIKES;
		String[][] steps = { //
			{ "load", "Load SpikeFinder Data", c, s }, //
			{ "windows", "Show Spike Windows", c, s }, //
			{ "classifier", "Train Spike Classifier", c, "model=" + runDir.resolve("classifier-model") },
			{ "classify", "Classify Spike Windows", c, s, "output=" + runDir.resolve(
				"classify/5.train.spike-probability.csv") }, //
			{ "digits", "VAE Latent Space Demo" }, //
			{ "latent", "Explore VAE Latent Space", c }, //
			{ "infer", "Infer Spikes", c, s, "discrete=true", "output=" + runDir.resolve(
				"infer/5.train.spike-rate.csv") }, //
			{ "detect", "Detect Neurons", "image=" + MOVIE + ".tif", "truth=" + MOVIE + ".regions.json",
				"output=" + runDir.resolve("detect/neurofinder-crop-96.detected.RoiSet.zip") }, //
			{ "movie", "Analyze Calcium Movie", "image=" + MOVIE + ".tif", "framerate=7.5", "output=" +
				runDir.resolve("movie") } };
		CalSpikeCli cli = new CalSpikeCli(System.out, System.err);
		for (String[] step : steps) {
			List<String> args = new ArrayList<>(List.of("--out", runDir.resolve(step[0]).toString()));
			for (int i = 1; i < step.length; i++) args.add(step[i]);
			System.out.println("make-docs: " + step[1] + " -> " + runDir.resolve(step[0]));
			int code = cli.run(args.toArray(new String[0]));
			if (code != 0) {
				System.err.println("make-docs: '" + step[1] + "' failed with status " + code);
				return code;
			}
		}
		return 0;
	}

	/**
	 * Copies the figures and screenshots to {@code docs/img} and fills the guide's tables. The
	 * tables are rendered before anything is copied, and the guide is replaced atomically, so a
	 * missing file or a bad column leaves docs/ as it was.
	 */
	static void publish(Path runDir, Path screens, Path docs) throws IOException {
		List<String> problems = check(runDir, screens, docs, false);
		if (!problems.isEmpty()) throw new IOException(String.join("; ", problems));
		Path guide = docs.resolve("tutorial.md");
		byte[] filled = fillTables(Files.readString(guide), runDir).getBytes(StandardCharsets.UTF_8);
		Path img = Files.createDirectories(docs.resolve("img"));
		for (Map.Entry<String, String> f : FIGURES.entrySet()) {
			Files.copy(runDir.resolve(f.getValue()), img.resolve(f.getKey()),
				StandardCopyOption.REPLACE_EXISTING);
		}
		for (Map.Entry<String, String> f : SCREENSHOTS.entrySet()) {
			Files.copy(screens.resolve(f.getValue()), img.resolve(f.getKey()),
				StandardCopyOption.REPLACE_EXISTING);
		}
		AtomicFiles.write(guide, out -> out.write(filled));
	}

	/**
	 * @param docs the docs folder, beside the README
	 * @param links also check that every image the guide and the README link exists
	 * @return what is missing, empty when nothing is
	 */
	static List<String> check(Path runDir, Path screens, Path docs, boolean links)
		throws IOException
	{
		List<String> problems = new ArrayList<>();
		for (String f : FIGURES.values()) {
			if (!Files.isRegularFile(runDir.resolve(f))) problems.add("the run made no " + runDir.resolve(f));
		}
		for (String f : SCREENSHOTS.values()) {
			if (!Files.isRegularFile(screens.resolve(f))) problems.add("no screenshot " + screens.resolve(f));
		}
		Path guide = docs.resolve("tutorial.md");
		Matcher m = TABLE.matcher(Files.readString(guide));
		while (m.find()) {
			if (!Files.isRegularFile(runDir.resolve(m.group(1)))) {
				problems.add(guide + " shows a table the run did not make: " + m.group(1));
			}
		}
		if (links) {
			for (Path page : List.of(docs.resolve("tutorial.md"), docs.resolveSibling("README.md"))) {
				for (String link : imageLinks(Files.readString(page))) {
					if (!Files.isRegularFile(page.resolveSibling(link))) {
						problems.add(page + " links a missing image: " + link);
					}
				}
			}
		}
		return problems;
	}

	/** @return the targets of every Markdown image link in {@code text} */
	static List<String> imageLinks(String text) {
		List<String> links = new ArrayList<>();
		Matcher m = IMAGE.matcher(text);
		while (m.find()) links.add(m.group(1));
		return links;
	}

	/** @return {@code guide} with every table block filled from the CSV files under {@code runDir} */
	static String fillTables(String guide, Path runDir) throws IOException {
		Matcher m = TABLE.matcher(guide);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			List<String> columns = null;
			int rows = Integer.MAX_VALUE;
			for (String option : m.group(2).trim().split(" ")) {
				if (option.startsWith("columns=")) columns = List.of(option.substring(8).split(","));
				else if (option.startsWith("rows=")) rows = Integer.parseInt(option.substring(5));
			}
			String table = markdown(runDir.resolve(m.group(1)), columns, rows);
			m.appendReplacement(out, Matcher.quoteReplacement("<!-- make-docs table " + m.group(1) + m
				.group(2) + " -->\n" + table + "<!-- /make-docs -->"));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** @return the CSV file as a Markdown table: its first {@code rows} rows, these columns */
	static String markdown(Path csv, List<String> columns, int rows) throws IOException {
		List<CSVRecord> records;
		try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			records = CSVFormat.DEFAULT.parse(r).getRecords();
		}
		if (records.isEmpty()) throw new IOException(csv + " is empty");
		List<String> header = records.get(0).toList();
		List<Integer> keep = new ArrayList<>();
		if (columns == null) for (int i = 0; i < header.size(); i++) keep.add(i);
		else for (String c : columns) {
			int i = header.indexOf(c);
			if (i < 0) throw new IOException(csv + " has no column '" + c + "'; it has " + header);
			keep.add(i);
		}
		StringBuilder b = new StringBuilder();
		row(b, header, keep);
		b.append('|');
		for (int i = 0; i < keep.size(); i++) b.append("---|");
		b.append('\n');
		for (int r = 1; r < records.size() && r <= rows; r++) row(b, records.get(r).toList(), keep);
		return b.toString();
	}

	private static void row(StringBuilder b, List<String> cells, List<Integer> keep) {
		b.append('|');
		for (int i : keep) b.append(' ').append(number(i < cells.size() ? cells.get(i) : "")).append(
			" |");
		b.append('\n');
	}

	/** @return a decimal number with three decimals, anything else as it is */
	static String number(String cell) {
		if (!cell.matches("-?\\d+\\.\\d+(E-?\\d+)?")) return cell.replace("|", "\\|");
		return String.format(Locale.ROOT, "%.3f", Double.parseDouble(cell));
	}
}
