package io.github.calspike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

	/**
	 * STYLE.md's table, "may import", as written: each package's direct imports. What they may
	 * import in turn is allowed too (dependencies point downward), so the rule is the closure.
	 */
	private static final Map<String, List<String>> STYLE = Map.ofEntries(
		Map.entry("trace", List.of()),
		Map.entry("trace.io", List.of("trace")),
		Map.entry("extract", List.of("trace")),
		Map.entry("extract.ij", List.of("extract")),
		Map.entry("register", List.of("extract")),
		Map.entry("detect", List.of("extract", "nn")),
		Map.entry("data", List.of("trace")),
		Map.entry("nn", List.of()),
		Map.entry("train", List.of("nn", "data")),
		Map.entry("infer", List.of("model", "trace", "analysis")),
		Map.entry("model", List.of("nn")),
		Map.entry("analysis", List.of("trace", "data")),
		Map.entry("plot", List.of("trace", "analysis")),
		Map.entry("ui", List.of("trace", "trace.io", "extract", "extract.ij", "register", "detect",
			"data", "nn", "train", "infer", "model", "analysis", "plot")),
		Map.entry("command", List.of("ui")),
		Map.entry("cli", List.of("command")));

	/**
	 * Additions to STYLE.md's table, each with its reason: leaves that import no CalSpike package and
	 * that any package may import. {@code files} (atomic writes, the format error that names file,
	 * line and column): every layer writes or reads files. {@code progress} (the one progress
	 * interface, with sub-ranges): extraction, registration, detection and the commands report
	 * through it.
	 */
	private static final Set<String> LEAVES = Set.of("files", "progress");

	/** Which CalSpike packages each package may import (besides itself). */
	private static final Map<String, Set<String>> ALLOWED = allowed();

	private static Map<String, Set<String>> allowed() {
		Map<String, Set<String>> out = new HashMap<>();
		for (String p : STYLE.keySet()) {
			Set<String> reach = new TreeSet<>();
			Deque<String> todo = new ArrayDeque<>(STYLE.get(p));
			while (!todo.isEmpty()) {
				String q = todo.pop();
				if (reach.add(q)) todo.addAll(STYLE.get(q));
			}
			reach.addAll(LEAVES);
			out.put(p, reach);
		}
		for (String leaf : LEAVES) out.put(leaf, Set.of());
		return out;
	}

	@Test
	void theRulesAreStyleMdsTable() {
		// spot checks of the closure, so that a typo in the table cannot silently allow everything
		assertEquals(Set.of("files", "progress", "trace", "extract"), ALLOWED.get("extract.ij"));
		assertEquals(Set.of("files", "progress", "trace", "data", "nn", "model", "analysis"), ALLOWED
			.get("infer"));
		assertEquals(Set.of(), ALLOWED.get("files"));
		assertEquals(Set.of(), ALLOWED.get("progress"));
		assertEquals(Set.of("files", "progress", "nn"), ALLOWED.get("model"));
		assertTrue(ALLOWED.get("cli").containsAll(ALLOWED.get("ui")));
	}

	private static final List<String> UI_PACKAGES = List.of("ui", "command", "extract.ij", "cli");

	@Test
	void dependenciesPointDownward() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path f : sources()) {
			String pkg = packageOf(f);
			Set<String> allowed = ALLOWED.get(pkg);
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
