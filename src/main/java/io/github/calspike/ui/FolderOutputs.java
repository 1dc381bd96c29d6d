package io.github.calspike.ui;

import io.github.calspike.files.AtomicFiles;
import io.github.calspike.plot.Figure;
import io.github.calspike.plot.FigureExport;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

/** {@link Outputs} that write into one folder: tables as CSV, figures as PNG and SVG, images as PNG. */
final class FolderOutputs implements Outputs {

	private final Path dir;
	private final Consumer<Path> written;

	FolderOutputs(Path dir, Consumer<Path> written) {
		if (dir == null) throw new IllegalArgumentException("no output folder given");
		this.dir = dir;
		this.written = written != null ? written : f -> {};
	}

	@Override
	public Path outputFolder() {
		return dir;
	}

	@Override
	public void table(String title, ResultsTable table) throws IOException {
		Path f = dir.resolve(DefaultOutputService.fileName(title) + ".csv");
		DefaultOutputService.writeCsv(table, f);
		written.accept(f);
	}

	@Override
	public void figure(Figure figure) throws IOException {
		String name = DefaultOutputService.fileName(figure.title());
		Path png = dir.resolve(name + ".png"), svg = dir.resolve(name + ".svg");
		FigureExport.writePng(figure, png);
		written.accept(png);
		FigureExport.writeSvg(figure, svg);
		written.accept(svg);
	}

	@Override
	public void image(ImagePlus image) throws IOException {
		Path png = dir.resolve(DefaultOutputService.fileName(image.getTitle()) + ".png");
		ImagePlus flat = image.getOverlay() != null ? image.flatten() : image;
		BufferedImage bi = flat.getBufferedImage();
		AtomicFiles.write(png, out -> {
			if (!ImageIO.write(bi, "png", out)) throw new IOException("no PNG writer available");
		});
		written.accept(png);
	}
}
