package io.github.calspike.cli;

import io.github.calspike.ui.OutputService;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * Runs CalSpike commands headless by their menu name:
 * {@code calspike [--out DIR] "Command Name" key=value ...}, or {@code calspike demo [--out DIR]}.
 * Tables become {@code DIR/<title>.csv} and figures {@code DIR/<title>.png} and {@code .svg}.
 * Exits with 0 on success, 1 when the command fails (message on stderr), 2 on a usage error.
 */
public final class CalSpikeCli {

	/**
	 * Where the bundled demo data live, relative to the repository root (the system property
	 * {@code calspike.home}, set by {@code scripts/calspike}, or else the working folder).
	 */
	public static final String DEMO_DATA = "test-data/spikefinder";
	/** The bundled movie crop and its regions, relative like {@link #DEMO_DATA}. */
	public static final String DEMO_MOVIE = "test-data/neurofinder/neurofinder-crop-96";

	private final PrintStream out;
	private final PrintStream err;

	/** Creates a runner printing to the given streams. */
	public CalSpikeCli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** Entry point; see the class comment. */
	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		int code = new CalSpikeCli(System.out, System.err).run(args);
		System.exit(code);
	}

	/** @return the exit status of running {@code args} */
	public int run(String... args) {
		Path outDir = Paths.get(OutputService.DEFAULT_FOLDER);
		List<String> rest = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--out")) {
				if (i + 1 >= args.length) return usage("--out needs a folder");
				outDir = Paths.get(args[++i]);
			}
			else if (args[i].equals("--help") || args[i].equals("-h")) {
				return usage(null);
			}
			else rest.add(args[i]);
		}
		if (rest.isEmpty()) return usage("no command given");
		if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
			return usage("--out: " + outDir.toAbsolutePath() + " is a file, not a folder; give a folder " +
				"for the tables and plots");
		}
		Context context = new Context();
		try {
			context.service(OutputService.class).setOutputFolder(outDir);
			if (rest.get(0).equals("demo")) {
				if (rest.size() > 1) return usage("demo takes no parameters");
				return demo(context, outDir);
			}
			if (rest.get(0).equals("--list")) {
				commands(context).forEach(c -> out.println(name(c)));
				return 0;
			}
			return runCommand(context, rest.get(0), rest.subList(1, rest.size()));
		}
		finally {
			context.dispose();
		}
	}

	private int demo(Context context, Path outDir) {
		String home = System.getProperty("calspike.home");
		Path data = home == null ? Paths.get(DEMO_DATA) : Paths.get(home, DEMO_DATA);
		Path movie = home == null ? Paths.get(DEMO_MOVIE) : Paths.get(home, DEMO_MOVIE);
		Path calcium = data.resolve("5.train.calcium.csv"), spikes = data.resolve(
			"5.train.spikes.csv");
		if (!Files.isRegularFile(calcium)) {
			err.println("demo: cannot find " + calcium.toAbsolutePath() +
				" (run from the repository root)");
			return 1;
		}
		String c = "calcium=" + calcium, s = "spikes=" + spikes;
		int code = runCommand(context, "Load SpikeFinder Data", List.of(c, s));
		if (code == 0) code = runCommand(context, "Show Spike Windows", List.of(c, s));
		if (code == 0) code = runCommand(context, "Classify Spike Windows", List.of(c, s, "output=" +
			outDir.resolve("5.train.spike-probability.csv")));
		if (code == 0) code = runCommand(context, "Infer Spikes", List.of(c, s, "output=" + outDir
			.resolve("5.train.spike-rate.csv")));
		// the bundled detector's outlines against the hand-drawn ones (a crop the detector was
		// trained on, so the F1 shows that it works, not how well it generalises), then the movie
		// analysed from the raw pixels: no ROIs given, so it detects them; the bundled movie has no
		// frame interval and Neurofinder recordings run at about 7.5 Hz
		if (code == 0) code = runCommand(context, "Detect Neurons", List.of("image=" + movie + ".tif",
			"truth=" + movie + ".regions.json"));
		if (code == 0) code = runCommand(context, "Analyze Calcium Movie", List.of("image=" + movie +
			".tif", "framerate=7.5"));
		if (code == 0) out.println("Demo outputs are in " + outDir.toAbsolutePath());
		return code;
	}

	int runCommand(Context context, String name, List<String> keyValues) {
		Optional<CommandInfo> found = commands(context).stream().filter(c -> name.equalsIgnoreCase(
			name(c))).findFirst();
		if (found.isEmpty()) {
			return usage("unknown command '" + name + "'. CalSpike commands: " + commands(context)
				.stream().map(CalSpikeCli::name).collect(Collectors.joining(", ")));
		}
		CommandInfo info = found.get();
		Map<String, Object> inputs = new LinkedHashMap<>();
		List<String> known = new ArrayList<>();
		Map<String, ModuleItem<?>> items = new LinkedHashMap<>();
		for (ModuleItem<?> item : info.inputs()) {
			if (isUserParameter(item)) {
				known.add(item.getName());
				items.put(item.getName(), item);
			}
		}
		for (String kv : keyValues) {
			int eq = kv.indexOf('=');
			if (eq <= 0) return usage("expected key=value, got '" + kv + "'");
			String key = kv.substring(0, eq).trim().toLowerCase(), value = kv.substring(eq + 1);
			if (!known.contains(key)) {
				return usage("'" + name(info) + "' has no parameter '" + key + "'; its parameters: " +
					String.join(", ", known));
			}
			if (inputs.containsKey(key)) {
				return usage(key + " is given twice ('" + inputs.get(key) + "' and '" + value +
					"'); give it once");
			}
			try {
				inputs.put(key, ParameterValues.check(items.get(key), value));
			}
			catch (IllegalArgumentException e) {
				err.println(name(info) + ": " + e.getMessage());
				return 1;
			}
		}
		try {
			CommandModule m = context.service(CommandService.class).run(info, true, inputs).get();
			if (m.isCanceled()) {
				err.println(name(info) + ": " + m.getCancelReason());
				return 1;
			}
			return 0;
		}
		catch (ExecutionException e) {
			// SciJava wraps a command's exception; the innermost cause says what went wrong
			Throwable cause = e;
			while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
			if (cause instanceof OutOfMemoryError) return outOfMemory(info);
			err.println(name(info) + ": unexpected error: " + cause);
			return 1;
		}
		catch (OutOfMemoryError e) {
			return outOfMemory(info);
		}
		catch (java.io.UncheckedIOException | IllegalArgumentException e) {
			// raised while turning key=value text into inputs (e.g. an image file ImageJ cannot open)
			err.println(name(info) + ": " + e.getMessage());
			return 1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			err.println(name(info) + ": interrupted");
			return 1;
		}
	}

	private int outOfMemory(CommandInfo info) {
		long mb = Runtime.getRuntime().maxMemory() >> 20;
		err.println(name(info) + ": out of memory: Java may use at most " + mb + " MB here. Give it " +
			"more, e.g. twice that: CALSPIKE_JAVA_OPTS=-Xmx" + Math.max(2, 2 * mb / 1024) +
			"g scripts/calspike ... (in Fiji: Edit > Options > Memory & Threads); large movies are " +
			"streamed when opened from a file");
		return 1;
	}

	/** Inputs a user sets; services and the context are filled in by SciJava. */
	private static boolean isUserParameter(ModuleItem<?> item) {
		Class<?> t = item.getType();
		return !org.scijava.service.Service.class.isAssignableFrom(t) && !Context.class
			.isAssignableFrom(t);
	}

	private static List<CommandInfo> commands(Context context) {
		return context.service(CommandService.class).getCommands().stream().filter(c -> c
			.getClassName().startsWith("io.github.calspike.") && c.getMenuPath() != null && c
				.getMenuPath().getLeaf() != null).collect(Collectors.toList());
	}

	private static String name(CommandInfo c) {
		return c.getMenuPath().getLeaf().getName();
	}

	private int usage(String problem) {
		if (problem != null) err.println("calspike: " + problem);
		err.println("usage: calspike [--out DIR] \"Command Name\" key=value ...");
		err.println("       calspike [--out DIR] demo");
		err.println("       calspike --list");
		return problem == null ? 0 : 2;
	}
}
