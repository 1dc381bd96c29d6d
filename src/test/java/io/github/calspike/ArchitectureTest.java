package io.github.calspike;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Enforces the package layout of STYLE.md: dependencies point downward only, and nothing below
 * the UI layers touches Swing or ImageJ's GUI.
 */
class ArchitectureTest {

	private static final Path SRC = Paths.get("src/main/java/io/github/calspike");
	private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)",
		Pattern.MULTILINE);
	/** A fully qualified CalSpike class name: its package (lower case) and its class. */
	private static final Pattern QUALIFIED = Pattern.compile(
		"io\\.github\\.calspike\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.([A-Z]\\w*)");

	/** Which CalSpike packages each package may import (besides itself). */
	private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
		Map.entry("trace", List.of()),
		Map.entry("trace.io", List.of("trace")),
		Map.entry("extract", List.of("trace")),
		Map.entry("extract.ij", List.of("trace", "trace.io", "extract")),
		Map.entry("register", List.of("trace", "extract")),
		Map.entry("detect", List.of("trace", "extract", "nn")),
		Map.entry("data", List.of("trace", "trace.io")),
		Map.entry("nn", List.of()),
		Map.entry("train", List.of("trace", "nn", "data")),
		// STYLE.md: model imports nn; it also reads traces and window specs, never training code
		Map.entry("model", List.of("trace", "trace.io", "nn", "data")),
		Map.entry("analysis", List.of("trace", "data")),
		Map.entry("infer", List.of("trace", "trace.io", "model", "analysis")),
		Map.entry("plot", List.of("trace", "trace.io", "data", "analysis")),
		Map.entry("ui", List.of("trace", "trace.io", "data", "nn", "train", "model", "analysis",
			"plot")),
		Map.entry("command", List.of("trace", "trace.io", "extract", "extract.ij", "register", "detect", "data", "nn",
			"train", "model", "infer", "analysis", "plot", "ui")),
		Map.entry("cli", List.of("trace", "trace.io", "data", "command", "ui")));

	private static final List<String> UI_PACKAGES = List.of("ui", "command", "extract.ij", "cli");

	@Test
	void dependenciesPointDownward() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path f : sources()) {
			String pkg = packageOf(f);
			List<String> allowed = ALLOWED.get(pkg);
			if (allowed == null) {
				problems.add(f + ": package '" + pkg + "' is not in STYLE.md's layout");
				continue;
			}
			String text = Files.readString(f);
			// fully qualified names in code count as imports: io.github.calspike.pkg.Class
			Matcher q = QUALIFIED.matcher(text.replaceAll("(?m)^(package|import) .*$", ""));
			while (q.find()) {
				String target = q.group(1);
				if (!target.equals(pkg) && !allowed.contains(target)) {
					problems.add(f + " (" + pkg + ") names io.github.calspike." + target + "." + q.group(2));
				}
			}
			Matcher m = IMPORT.matcher(text);
			while (m.find()) {
				String imp = m.group(2);
				if (imp.startsWith("io.github.calspike.")) {
					String target = imp.substring("io.github.calspike.".length());
					target = target.substring(0, target.lastIndexOf('.'));
					if (!target.equals(pkg) && !allowed.contains(target)) {
						problems.add(f + " (" + pkg + ") imports " + imp);
					}
				}
				boolean gui = imp.startsWith("javax.swing") || imp.startsWith("ij.gui") || imp.equals(
					"ij.IJ") || imp.startsWith("java.awt.event");
				if (gui && !UI_PACKAGES.contains(pkg)) problems.add(f + " (" + pkg + ") imports " + imp);
			}
		}
		assertEquals(List.of(), problems);
	}

	@Test
	void engineCodeNeverPrintsToTheConsole() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path f : sources()) {
			if (packageOf(f).equals("cli")) continue;
			String s = Files.readString(f);
			if (s.contains("System.out") || s.contains("System.err") || s.contains(
				"printStackTrace"))
			{
				problems.add(f.toString());
			}
		}
		assertEquals(List.of(), problems);
	}

	private static List<Path> sources() throws IOException {
		try (Stream<Path> s = Files.walk(SRC)) {
			return s.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
		}
	}

	private static String packageOf(Path f) {
		return SRC.relativize(f.getParent()).toString().replace('/', '.');
	}
}
