package io.github.calspike.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide a newcomer reads: every image it and the README link is there, every image in
 * docs/img is one that scripts/make-docs makes (so none was drawn by hand or left stale from a
 * removed step), and every table block holds a table. That the script itself runs is checked by
 * .ci/run ({@code scripts/make-docs --check}).
 */
class DocsTest {

	private static final Path DOCS = Paths.get("docs");

	@Test
	void everyLinkedImageExistsAndEveryImageIsMadeByTheScriptAndShown() throws IOException {
		Set<String> linked = new HashSet<>();
		for (Path page : List.of(DOCS.resolve("tutorial.md"), Paths.get("README.md"))) {
			for (String link : DocsMaker.imageLinks(Files.readString(page))) {
				Path target = page.resolveSibling(link).normalize();
				assertTrue(Files.isRegularFile(target), page + " links " + link + ", which is missing");
				linked.add(target.getFileName().toString());
			}
		}
		Set<String> made = new HashSet<>(DocsMaker.FIGURES.keySet());
		made.addAll(DocsMaker.SCREENSHOTS.keySet());
		Set<String> inFolder;
		try (Stream<Path> s = Files.list(DOCS.resolve("img"))) {
			inFolder = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
		}
		assertEquals(made, inFolder, "docs/img holds exactly what scripts/make-docs makes");
		assertEquals(made, linked, "every image scripts/make-docs makes is shown, and only those");
	}

	@Test
	void everyTableBlockOfTheGuideHoldsATable() throws IOException {
		Matcher m = Pattern.compile("<!-- make-docs table ([^>]*) -->\\n(.*?)<!-- /make-docs -->",
			Pattern.DOTALL).matcher(Files.readString(DOCS.resolve("tutorial.md")));
		int blocks = 0;
		while (m.find()) {
			blocks++;
			String[] lines = m.group(2).split("\n");
			assertTrue(lines.length >= 3 && lines[1].startsWith("|---"), "table " + m.group(1) +
				" is empty: run scripts/make-docs");
		}
		assertTrue(blocks >= 8, "the guide's tables: " + blocks);
	}

	@Test
	void aCsvFileBecomesAMarkdownTableWithTheChosenColumnsAndRows(@TempDir Path dir)
		throws IOException
	{
		Path csv = dir.resolve("step/t.csv");
		Files.createDirectories(csv.getParent());
		Files.writeString(csv, "label,value,on\n" + "a,0.123456,\"x, y\"\n" + "b,12,p|q\n" + "c,1.5E-4,z\n");
		assertEquals("| label | value | on |\n|---|---|---|\n| a | 0.123 | x, y |\n| b | 12 | p\\|q |\n" +
			"| c | 0.000 | z |\n", DocsMaker.markdown(csv, null, Integer.MAX_VALUE));
		assertEquals("| on | label |\n|---|---|\n| x, y | a |\n", DocsMaker.markdown(csv, List.of("on",
			"label"), 1));
		String guide = "intro\n<!-- make-docs table step/t.csv columns=label rows=2 -->\nstale\n" +
			"<!-- /make-docs -->\nend\n";
		String filled = DocsMaker.fillTables(guide, dir);
		assertEquals("intro\n<!-- make-docs table step/t.csv columns=label rows=2 -->\n| label |\n" +
			"|---|\n| a |\n| b |\n<!-- /make-docs -->\nend\n", filled);
		assertEquals(filled, DocsMaker.fillTables(filled, dir), "filling twice changes nothing");
		List<String> missing = new ArrayList<>();
		try {
			DocsMaker.markdown(csv, List.of("nope"), 1);
		}
		catch (IOException e) {
			missing.add(e.getMessage());
		}
		assertFalse(missing.isEmpty());
		assertTrue(missing.get(0).contains("no column 'nope'"), missing.get(0));
	}
}
