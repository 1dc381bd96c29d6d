package io.github.calspike.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.data.DatasetCache;
import io.github.calspike.ui.OutputService;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Runs the commands headless by class, as a macro or script would, and checks their files. */
class CommandsTest {

	private static final File CALCIUM = new File("test-data/spikefinder/5.train.calcium.csv");
	private static final File SPIKES = new File("test-data/spikefinder/5.train.spikes.csv");

	@TempDir
	Path out;
	@TempDir
	Path cache;

	private Context context;

	@BeforeEach
	void start() {
		System.setProperty(DatasetCache.DIR_PROPERTY, cache.toString());
		context = new Context();
		context.service(OutputService.class).setOutputFolder(out);
	}

	@AfterEach
	void stop() {
		context.dispose();
		System.clearProperty(DatasetCache.DIR_PROPERTY);
	}

	private CommandModule run(Class<? extends org.scijava.command.Command> c, Object... inputs)
		throws Exception
	{
		return context.service(CommandService.class).run(c, true, inputs).get();
	}

	private List<String> files() throws IOException {
		try (var s = Files.list(out)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	@Test
	void loadWritesOneRowPerNeuronAndTheTracePlot() throws Exception {
		CommandModule m = run(LoadSpikeFinderData.class, "calcium", CALCIUM, "spikes", SPIKES);
		assertFalse(m.isCanceled(), m.getCancelReason());
		List<String> rows = Files.readAllLines(out.resolve(LoadSpikeFinderData.TABLE + ".csv"));
		assertEquals("label,frames,duration_s,spikes,rate_Hz,mean,sd", rows.get(0));
		assertEquals(10, rows.size(), "header + 9 neurons");
		String[] first = rows.get(1).split(",");
		assertEquals("0", first[0]);
		assertEquals("16919", first[1]);
		assertEquals(169.19, Double.parseDouble(first[2]), 1e-9);
		int spikes = 0;
		for (String r : rows.subList(1, 10)) spikes += Integer.parseInt(r.split(",")[3]);
		assertEquals(8810, spikes);
		BufferedImage png = ImageIO.read(out.resolve("Calcium and spikes, first 3 neurons.png")
			.toFile());
		assertTrue(png.getWidth() >= 1000 && png.getHeight() >= 600);
		String svg = Files.readString(out.resolve("Calcium and spikes, first 3 neurons.svg"));
		assertTrue(svg.startsWith("<?xml") && svg.contains("time (s)") && svg.contains(
			"Calcium and spikes, first 3 neurons"));
	}

	@Test
	void loadWithoutSpikesLeavesSpikeColumnsEmpty() throws Exception {
		CommandModule m = run(LoadSpikeFinderData.class, "calcium", CALCIUM, "rate", 50.0);
		assertFalse(m.isCanceled(), m.getCancelReason());
		String[] first = Files.readAllLines(out.resolve(LoadSpikeFinderData.TABLE + ".csv")).get(1)
			.split(",");
		assertEquals(16919 / 50.0, Double.parseDouble(first[2]), 1e-9);
		assertEquals("NaN", first[3]);
	}

	@Test
	void showSpikeWindowsWritesTheGridAndTheDatasetSize() throws Exception {
		CommandModule m = run(ShowSpikeWindows.class, "calcium", CALCIUM, "spikes", SPIKES,
			"samples", "2000", "seed", 3L);
		assertFalse(m.isCanceled(), m.getCancelReason());
		List<String> rows = Files.readAllLines(out.resolve(ShowSpikeWindows.TABLE + ".csv"));
		assertEquals("set,spike,no_spike,total,window_length", rows.get(0));
		assertEquals("balanced sample,1000,1000,2000,20", rows.get(2));
		String[] all = rows.get(1).split(",");
		assertEquals(Integer.parseInt(all[1]) + Integer.parseInt(all[2]), Integer.parseInt(all[3]));
		String svg = Files.readString(out.resolve(ShowSpikeWindows.FIGURE + ".svg"));
		assertTrue(svg.contains(", associated spike") && svg.contains("no associated spike"));
		assertTrue(svg.contains("bin relative to centre"));
	}

	@Test
	void malformedCsvCancelsWithFileLineColumnAndWritesNothing(@TempDir Path in) throws Exception {
		Path bad = in.resolve("bad.calcium.csv");
		Files.writeString(bad, "0,1\n0.1,0.2\n0.3,oops\n");
		CommandModule m = run(LoadSpikeFinderData.class, "calcium", bad.toFile());
		assertTrue(m.isCanceled());
		assertEquals(bad + ": line 3, column 2: neuron '1': not a number: 'oops'", m
			.getCancelReason());
		assertEquals(List.of(), files());
	}

	@Test
	void showSpikeWindowsNeedsSpikes(@TempDir Path in) throws Exception {
		Path alone = in.resolve("5.train.calcium.csv");
		Files.copy(CALCIUM.toPath(), alone);
		CommandModule m = run(ShowSpikeWindows.class, "calcium", alone.toFile());
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("no spikes file found beside it"), m
			.getCancelReason());
		assertEquals(List.of(), files());
	}

	@Test
	void showSpikeWindowsCountsEveryPairOfAFolder(@TempDir Path in) throws Exception {
		for (String name : List.of("a", "b")) {
			Files.copy(CALCIUM.toPath(), in.resolve(name + ".calcium.csv"));
			Files.copy(SPIKES.toPath(), in.resolve(name + ".spikes.csv"));
		}
		CommandModule one = run(ShowSpikeWindows.class, "calcium", CALCIUM, "samples", "all");
		assertFalse(one.isCanceled(), one.getCancelReason());
		String[] single = Files.readAllLines(out.resolve(ShowSpikeWindows.TABLE + ".csv")).get(1)
			.split(",");
		CommandModule two = run(ShowSpikeWindows.class, "calcium", in.toFile(), "samples", "all");
		assertFalse(two.isCanceled(), two.getCancelReason());
		String[] both = Files.readAllLines(out.resolve(ShowSpikeWindows.TABLE + ".csv")).get(1)
			.split(",");
		for (int col = 1; col <= 3; col++) { // spike, no_spike, total: the same pair twice
			assertEquals(2 * Long.parseLong(single[col]), Long.parseLong(both[col]), "column " + col);
		}
	}

	@Test
	void badSampleSizeIsExplained() throws Exception {
		CommandModule m = run(ShowSpikeWindows.class, "calcium", CALCIUM, "spikes", SPIKES,
			"samples", "lots");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("samples"), m.getCancelReason());
	}

	@Test
	void commandsSitInTheCalSpikeMenuAndRunHeadless() throws Exception {
		List<org.scijava.command.CommandInfo> all = context.service(CommandService.class).getCommands()
			.stream().filter(c -> c.getClassName().startsWith("io.github.calspike.")).collect(
				java.util.stream.Collectors.toList());
		assertTrue(all.size() >= 13, "CalSpike's commands: " + all.size());
		String readme = java.nio.file.Files.readString(java.nio.file.Paths.get("README.md"));
		for (var info : all) {
			assertTrue(info.getMenuPath().getMenuString().startsWith("Plugins > CalSpike > "), info
				.getMenuPath().getMenuString());
			java.util.stream.StreamSupport.stream(info.inputs().spliterator(), false).filter(
				i -> !org.scijava.service.Service.class.isAssignableFrom(i.getType()) && i
					.getType() != Context.class).forEach(i -> assertFalse(i.isPersisted(), i.getName() +
				" must not pick up stale values from preferences"));
			assertTrue(info.canRunHeadless());
			info.inputs().forEach(i -> assertEquals(i.getName().toLowerCase(), i.getName(),
				"macro-friendly name"));
			String name = info.getMenuPath().getLeaf().getName();
			assertTrue(readme.contains("run(\"" + name + "\""), "README shows the macro form of " + name);
		}
	}

}
