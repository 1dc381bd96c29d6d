package io.github.calspike.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.github.calspike.files.AtomicFiles;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.graphics2d.svg.SVGGraphics2D;

/**
 * Draws a {@link Figure} onto any Graphics2D, and saves it as PNG or SVG. Files are written to a
 * temporary name and moved into place.
 */
public final class FigureExport {

	/** Height of the title band above a grid of charts, in pixels. */
	public static final int TITLE_BAND = 36;
	private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 20);

	private FigureExport() {}

	/** Draws the figure into the rectangle (0, 0, width, height). */
	public static void draw(Figure f, Graphics2D g2, int width, int height) {
		g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
			RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g2.setColor(Color.WHITE);
		g2.fillRect(0, 0, width, height);
		int top = 0;
		if (f.hasTitleBand()) {
			top = TITLE_BAND;
			g2.setColor(Color.BLACK);
			g2.setFont(TITLE_FONT);
			FontMetrics fm = g2.getFontMetrics();
			g2.drawString(f.title(), (width - fm.stringWidth(f.title())) / 2, (TITLE_BAND + fm
				.getAscent() - fm.getDescent()) / 2);
		}
		double cw = (double) width / f.columns();
		double ch = (double) (height - top) / f.rows();
		for (int i = 0; i < f.charts().size(); i++) {
			JFreeChart c = f.charts().get(i);
			int r = i / f.columns(), col = i % f.columns();
			c.draw(g2, new Rectangle2D.Double(col * cw, top + r * ch, cw, ch));
		}
	}

	/** @return the figure rendered at its preferred size */
	public static BufferedImage image(Figure f) {
		BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = img.createGraphics();
		try {
			draw(f, g2, f.width(), f.height());
		}
		finally {
			g2.dispose();
		}
		return img;
	}

	/** Saves the figure as a PNG at its preferred size. */
	public static void writePng(Figure f, Path file) throws IOException {
		BufferedImage img = image(f);
		AtomicFiles.write(file, out -> {
			if (!ImageIO.write(img, "png", out)) throw new IOException("No PNG writer available");
		});
	}

	/** Saves the figure as an SVG document at its preferred size. */
	public static void writeSvg(Figure f, Path file) throws IOException {
		SVGGraphics2D g2 = new SVGGraphics2D(f.width(), f.height());
		draw(f, g2, f.width(), f.height());
		byte[] svg = g2.getSVGDocument().getBytes(StandardCharsets.UTF_8);
		AtomicFiles.write(file, out -> out.write(svg));
	}
}
