package io.github.calspike.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * The windows as a person sees them: under a real display (Xvfb in CI, started by scripts/test),
 * ImageJ runs the main commands with their windows open; screenshots go to target/screenshots.
 * Without a display there is nothing to look at and the test is skipped.
 */
class ScreenshotTest {

	static final String[] SHOTS = { "roi-overlay", "plot-window", "plot-window-rate", "plot-window-traces",
		"results-table", "detected-overlay", "roi-manager", "training-window",
		"training-window-finished" };

	@Test
	void mainWindowsOpenShowTheirContentAndClose() throws Exception {
		assumeTrue(System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isEmpty(),
			"needs a display: run the tests through scripts/test, which starts Xvfb");
		Path dir = Paths.get("target/screenshots");
		String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		Process p = new ProcessBuilder(java, "-Xmx2g", "-Djava.awt.headless=false", "-cp", System
			.getProperty("java.class.path"), ScreenshotMain.class.getName(), dir.toString())
				.redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(300, TimeUnit.SECONDS), out);
		assertEquals(0, p.exitValue(), out);
		for (String s : SHOTS) {
			File f = dir.resolve(s + ".png").toFile();
			assertTrue(f.isFile(), s + " missing\n" + out);
			BufferedImage img = ImageIO.read(f);
			assertTrue(img.getWidth() > 200 && img.getHeight() > 150, s + " is tiny");
			// the ROI Manager is grey text on white: fewer colours than a chart or an image
			assertTrue(colours(img) > (s.equals("roi-manager") ? 4 : 20), s + " looks blank");
		}
	}

	/** @return how many distinct colours appear on a coarse grid (a blank window has one or two) */
	private static int colours(BufferedImage img) {
		java.util.Set<Integer> c = new java.util.HashSet<>();
		for (int y = 0; y < img.getHeight(); y += 3) {
			for (int x = 0; x < img.getWidth(); x += 3) c.add(img.getRGB(x, y));
		}
		return c.size();
	}
}
