package io.github.calspike.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The update sites ship only what Fiji lacks: no jar they hold is an artifact that pom-scijava
 * (CalSpike's parent, the versions Fiji is built from) manages, since a second copy of a Fiji
 * library under another version is the shadowing that breaks Fiji. Checked on the lists the
 * sites are built from ({@code scripts/lib/dist-files.sh}) and, once a site was built, on the
 * jar names of its {@code target/dist/files.tsv}.
 */
class DistShipTest {

	/**
	 * Shipped although managed, each with its reason: the TensorFlow Java API needs protobuf-java,
	 * which a plain Fiji does not hold; the optional site ships pom-scijava's own version of it.
	 */
	private static final Set<String> ALLOWED_ON_TENSORFLOW_SITE = Set.of(
		"com.google.protobuf:protobuf-java");

	@Test
	void theMainSiteShipsNoArtifactThatPomScijavaManages() throws Exception {
		Set<String> managed = managed();
		List<String> ship = shipList("DIST_SHIP");
		assertFalse(ship.isEmpty());
		for (String ga : ship) assertFalse(managed.contains(ga), ga + " is managed by pom-scijava " +
			"(Fiji ships it): depend on the managed version and leave it off the update site");
		Path tsv = Paths.get("target/dist/files.tsv");
		if (Files.exists(tsv)) {
			Set<String> names = managedArtifactIds(managed);
			for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
				String jar = Paths.get(line.split("\t")[0]).getFileName().toString();
				String id = jar.replaceFirst("-\\d.*$", "");
				if (jar.startsWith("calspike-")) continue;
				assertFalse(names.contains(id), tsv + " ships " + jar + ", an artifact pom-scijava manages");
			}
		}
	}

	@Test
	void theTensorFlowSiteShipsOnlyItsOneNamedManagedArtifact() throws Exception {
		Set<String> managed = managed();
		for (String ga : shipList("DIST_TF_SHIP")) {
			if (ALLOWED_ON_TENSORFLOW_SITE.contains(ga)) continue;
			assertFalse(managed.contains(ga), ga + " is managed by pom-scijava");
		}
	}

	@Test
	void chartsAndCsvUseTheVersionsFijiShips() throws Exception {
		// the two libraries the main site used to ship: now pom-scijava's, without a version of our own
		String pom = Files.readString(Paths.get("pom.xml"));
		assertFalse(pom.contains("org.jfree.svg"), "JFreeSVG 5 would sit beside Fiji's 3.4.4");
		for (String a : List.of("jfreesvg", "commons-csv")) {
			Matcher m = Pattern.compile("<artifactId>" + a + "</artifactId>\\s*(</?\\w+>)").matcher(pom);
			assertTrue(m.find(), a + " is a dependency");
			assertFalse(m.group(1).equals("<version>"), a + " takes pom-scijava's version");
		}
		assertTrue(managed().containsAll(List.of("org.jfree:jfreesvg", "org.apache.commons:commons-csv")));
	}

	/** @return groupId:artifactId of one space-separated list in dist-files.sh */
	private static List<String> shipList(String name) throws Exception {
		String sh = Files.readString(Paths.get("scripts/lib/dist-files.sh"));
		Matcher m = Pattern.compile("(?m)^" + name + "=\"([^\"]*)\"").matcher(sh);
		assertTrue(m.find(), name + " in dist-files.sh");
		List<String> out = new ArrayList<>();
		for (String s : m.group(1).replace("\\\n", " ").trim().split("\\s+")) {
			assertEquals(2, s.split(":").length, "groupId:artifactId, got " + s);
			out.add(s);
		}
		return out;
	}

	/** @return groupId:artifactId of everything pom-scijava's dependencyManagement lists */
	static Set<String> managed() throws Exception {
		String pom = Files.readString(Paths.get("pom.xml"));
		Matcher v = Pattern.compile("<artifactId>pom-scijava</artifactId>\\s*<version>([^<]+)</version>")
			.matcher(pom);
		assertTrue(v.find(), "pom-scijava parent in pom.xml");
		String repo = System.getProperty("maven.repo.local", Paths.get(System.getProperty("user.home"),
			".m2", "repository").toString());
		Path parent = Paths.get(repo, "org", "scijava", "pom-scijava", v.group(1), "pom-scijava-" + v
			.group(1) + ".pom");
		assertTrue(Files.exists(parent), "the parent pom Maven resolved: " + parent);
		String s = Files.readString(parent);
		String dm = s.substring(s.indexOf("<dependencyManagement>"), s.indexOf(
			"</dependencyManagement>"));
		Matcher d = Pattern.compile(
			"<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>").matcher(dm);
		Set<String> out = new TreeSet<>();
		while (d.find()) out.add(d.group(1) + ":" + d.group(2));
		assertTrue(out.size() > 100, "pom-scijava manages hundreds of artifacts, read " + out.size());
		return out;
	}

	private static Set<String> managedArtifactIds(Set<String> managed) {
		Set<String> ids = new TreeSet<>();
		for (String ga : managed) ids.add(ga.substring(ga.indexOf(':') + 1));
		ids.removeAll(Arrays.asList("calspike"));
		return ids;
	}
}
