package io.github.calspike.ui;

import io.github.calspike.data.DatasetCache;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.text.TextWindow;

import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * Run in its own JVM with a display (Xvfb in CI) by {@code ScreenshotTest}: starts ImageJ, runs
 * the main commands with their windows open, saves screenshots of the training window (mid-run),
 * a plot window, a results table and the ROI overlay to {@code args[0]}, then closes every window
 * as a user would (the close box) and checks that each one went away. Exits 0 when all did.
 */
public final class ScreenshotMain {

	public static void main(String[] args) throws Exception {
		Path dir = Paths.get(args[0]);
		Files.createDirectories(dir);
		// the window cache and the trained model go to one temporary folder, removed at the end
		Path scratch = Files.createTempDirectory("calspike-screenshots");
		System.setProperty(DatasetCache.DIR_PROPERTY, scratch.resolve("cache").toString());
		new ImageJ(ImageJ.STANDALONE);
		Context context = new Context();
		CommandService commands = context.service(CommandService.class);
		List<String> problems = new ArrayList<>();

		// Movie to spikes: tables, plots and the overlay open in windows
		// as the README's quick start: no ROIs given, so it detects them
		CommandModule m = commands.run("io.github.calspike.command.AnalyzeCalciumMovie", true, Map.of(
			"image", "test-data/neurofinder/neurofinder-crop-96.tif", "framerate", 7.5)).get();
		if (m.isCanceled()) problems.add("Analyze Calcium Movie: " + m.getCancelReason());
		settle();
		ImagePlus movie = WindowManager.getImage("neurofinder-crop-96.tif");
		if (movie == null || movie.getWindow() == null) problems.add("the movie window did not open");
		else {
			IJ.run(movie, "Set... ", "zoom=400 x=48 y=48"); // 96 px is small on screen
			capture(dir, "roi-overlay", w -> w == movie.getWindow(), problems);
		}
		capture(dir, "plot-window", w -> w instanceof FigureWindow && ((Frame) w).getTitle().startsWith(
			"Spike raster"), problems);
		capture(dir, "plot-window-rate", w -> w instanceof FigureWindow && ((Frame) w).getTitle()
			.startsWith("Inferred spike rate"), problems);
		capture(dir, "plot-window-traces", w -> w instanceof FigureWindow && ((Frame) w).getTitle()
			.startsWith("ROI traces"), problems);
		capture(dir, "results-table", w -> w instanceof TextWindow && ((Frame) w).getTitle().equals(
			"Inferred spikes per ROI"), problems);

		// Raw movie to neurons: the detected outlines on the movie and in the ROI Manager
		ImagePlus raw = IJ.openImage("test-data/neurofinder/neurofinder-crop-96.tif");
		raw.setTitle("detected on neurofinder-crop-96");
		CommandModule d = commands.run("io.github.calspike.command.DetectNeurons", true, Map.of(
			"image", raw)).get();
		if (d.isCanceled()) problems.add("Detect Neurons: " + d.getCancelReason());
		settle();
		if (raw.getWindow() == null) problems.add("Detect Neurons did not show the movie");
		else {
			IJ.run(raw, "Set... ", "zoom=400 x=48 y=48");
			capture(dir, "detected-overlay", w -> w == raw.getWindow(), problems);
		}
		ij.plugin.frame.RoiManager rm = ij.plugin.frame.RoiManager.getInstance();
		if (rm == null || rm.getCount() == 0) problems.add("the ROI Manager holds no detected ROIs");
		else capture(dir, "roi-manager", w -> w == rm, problems);

		// Training: capture the window while it runs
		Path model = scratch.resolve("model");
		Future<CommandModule> training = commands.run("io.github.calspike.command.TrainSpikeClassifier",
			true, Map.of("calcium", new File("test-data/spikefinder/5.train.calcium.csv"), "samples",
				"20000", "epochs", 20, "model", model.toFile()));
		long start = System.currentTimeMillis();
		// a few epochs on the chart, the run still going: wait for the epochs, not for a fixed time
		while (epochsShown() < 3 && !training.isDone() && System.currentTimeMillis() - start < 120_000) {
			Thread.sleep(100);
		}
		if (training.isDone()) problems.add("training ended before the mid-run screenshot");
		String shown = shownStatus();
		if (!shown.startsWith("Epoch ") || !shown.contains(" left") || shown.endsWith("| 0%")) {
			problems.add("mid-run, the training window shows no progress: '" + shown + "'");
		}
		capture(dir, "training-window", w -> w instanceof TrainingWindow, problems);
		CommandModule t = training.get();
		if (t.isCanceled()) problems.add("Train Spike Classifier: " + t.getCancelReason());
		settle();
		capture(dir, "training-window-finished", w -> w instanceof TrainingWindow, problems);

		// Close every window through its close box, as a user does
		if (movie != null) movie.changes = false;
		raw.changes = false;
		for (Window w : Window.getWindows()) {
			if (!w.isShowing() || w == IJ.getInstance()) continue;
			String name = w instanceof Frame ? ((Frame) w).getTitle() : w.getClass().getSimpleName();
			SwingUtilities.invokeAndWait(() -> w.dispatchEvent(new WindowEvent(w,
				WindowEvent.WINDOW_CLOSING)));
			settle();
			if (w.isShowing()) problems.add("window '" + name + "' did not close from its close box");
		}
		context.dispose();
		try (java.util.stream.Stream<Path> all = Files.walk(scratch)) {
			all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		for (String p : problems) System.out.println("PROBLEM: " + p);
		System.out.println(problems.isEmpty() ? "SCREENSHOTS OK" : "SCREENSHOTS FAILED");
		System.exit(problems.isEmpty() ? 0 : 1);
	}

	/** @return the training window's status line and progress, "" while there is none */
	private static String shownStatus() throws Exception {
		String[] s = { "" };
		SwingUtilities.invokeAndWait(() -> {
			Window w = find(x -> x instanceof TrainingWindow);
			s[0] = w == null ? "" : ((TrainingWindow) w).shownStatus();
		});
		return s[0];
	}

	/** @return the epochs the training window shows, 0 while there is none */
	private static int epochsShown() throws Exception {
		int[] n = { 0 };
		SwingUtilities.invokeAndWait(() -> {
			Window w = find(x -> x instanceof TrainingWindow);
			n[0] = w == null ? 0 : ((TrainingWindow) w).epochsShown();
		});
		return n[0];
	}

	private static Window find(Predicate<Window> which) {
		for (Window w : Window.getWindows()) if (w.isShowing() && which.test(w)) return w;
		return null;
	}

	/** Shows only the chosen window, at the top left, and saves what the screen shows of it. */
	private static void capture(Path dir, String name, Predicate<Window> which, List<String> problems)
		throws Exception
	{
		Window target = find(which);
		if (target == null) {
			problems.add("no window for " + name);
			return;
		}
		List<Window> hidden = new ArrayList<>();
		SwingUtilities.invokeAndWait(() -> {
			for (Window w : Window.getWindows()) {
				if (w != target && w.isShowing()) {
					w.setVisible(false);
					hidden.add(w);
				}
			}
			target.setLocation(0, 0);
			target.toFront();
		});
		settle();
		Rectangle r = target.getBounds();
		BufferedImage img = new Robot().createScreenCapture(r);
		// Xvfb has no window manager: a window just brought to the front may not have painted yet
		// (an all-black ROI Manager, twice in CI, once through five repaints: its native window got
		// no expose event). Repaint, then hide and show it again to map it anew, and capture again
		for (int tries = 0; tries < 8 && uniform(img); tries++) {
			boolean remap = tries % 2 == 1;
			SwingUtilities.invokeAndWait(() -> {
				if (remap) {
					target.setVisible(false);
					target.setVisible(true);
					target.setLocation(0, 0);
					target.toFront();
				}
				target.validate();
				target.repaint();
			});
			settle();
			img = new Robot().createScreenCapture(target.getBounds());
		}
		if (uniform(img) || FORCE_PAINT.equals(name)) {
			// still nothing on screen (Xvfb never exposed the native window: an all-black ROI
			// Manager through eight tries, once in CI): ask the window to paint itself, peers and
			// all, into the image. It is the same content, drawn by the same code, without the
			// X server's say; the log says which shot was taken this way
			img = painted(target);
			System.out.println("screenshot " + name + ": the screen stayed blank, painted by the window");
		}
		ImageIO.write(img, "png", dir.resolve(name + ".png").toFile());
		System.out.println("screenshot " + name + " " + r.width + "x" + r.height);
		SwingUtilities.invokeAndWait(() -> hidden.forEach(w -> w.setVisible(true)));
	}

	/** A shot to take by painting even when the screen shows it (to look at that route). */
	private static final String FORCE_PAINT = System.getProperty("calspike.screenshot.paint", "");

	/** @return the window drawn by its own paint code, heavyweight peers included (printAll) */
	private static BufferedImage painted(Window target) throws Exception {
		BufferedImage[] img = { null };
		SwingUtilities.invokeAndWait(() -> {
			Rectangle b = target.getBounds();
			img[0] = new BufferedImage(b.width, b.height, BufferedImage.TYPE_INT_RGB);
			java.awt.Graphics2D g = img[0].createGraphics();
			g.setColor(target.getBackground() == null ? java.awt.Color.WHITE : target.getBackground());
			g.fillRect(0, 0, b.width, b.height);
			target.printAll(g);
			g.dispose();
		});
		return img[0];
	}

	/**
	 * @return whether the image holds at most four colours on a coarse grid (not painted yet, or
	 *         only partly: ScreenshotTest asks the sparsest window, the ROI Manager, for more)
	 */
	private static boolean uniform(BufferedImage img) {
		java.util.Set<Integer> c = new java.util.HashSet<>();
		for (int y = 0; y < img.getHeight() && c.size() < 5; y += 3) {
			for (int x = 0; x < img.getWidth() && c.size() < 5; x += 3) c.add(img.getRGB(x, y));
		}
		return c.size() < 5;
	}

	private static void settle() throws Exception {
		for (int i = 0; i < 3; i++) {
			SwingUtilities.invokeAndWait(() -> {});
			Thread.sleep(400);
		}
	}
}
