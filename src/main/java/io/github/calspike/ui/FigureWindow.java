package io.github.calspike.ui;

import io.github.calspike.plot.Figure;
import io.github.calspike.plot.FigureExport;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridLayout;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.WindowConstants;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;

/** A window showing a figure's charts (zoomable) with File > Save as PNG / SVG. */
public class FigureWindow extends JFrame {

	private static final long serialVersionUID = 1L;

	/** Builds the window; call on the Swing thread. */
	public FigureWindow(Figure figure) {
		super(figure.title());
		setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
		JPanel grid = new JPanel(new GridLayout(figure.rows(), figure.columns()));
		for (JFreeChart c : figure.charts()) {
			ChartPanel p = new ChartPanel(c);
			p.setPreferredSize(new Dimension(figure.cellWidth(), figure.cellHeight()));
			grid.add(p);
		}
		JPanel content = new JPanel(new BorderLayout());
		if (figure.hasTitleBand()) {
			JLabel t = new JLabel(figure.title(), SwingConstants.CENTER);
			t.setFont(t.getFont().deriveFont(Font.BOLD, 18f));
			content.add(t, BorderLayout.NORTH);
		}
		content.add(grid, BorderLayout.CENTER);
		setContentPane(content);
		JMenuBar bar = new JMenuBar();
		JMenu file = new JMenu("File");
		file.add(item("Save as PNG...", "png", figure));
		file.add(item("Save as SVG...", "svg", figure));
		bar.add(file);
		setJMenuBar(bar);
		pack();
		setLocationByPlatform(true);
	}

	private JMenuItem item(String label, String ext, Figure figure) {
		JMenuItem m = new JMenuItem(label);
		m.addActionListener(e -> {
			JFileChooser fc = new JFileChooser();
			fc.setFileFilter(new FileNameExtensionFilter(ext.toUpperCase() + " files", ext));
			fc.setSelectedFile(new File(DefaultOutputService.fileName(figure.title()) + "." + ext));
			if (fc.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
			Path p = fc.getSelectedFile().toPath();
			try {
				if (ext.equals("png")) FigureExport.writePng(figure, p);
				else FigureExport.writeSvg(figure, p);
			}
			catch (IOException ex) {
				JOptionPane.showMessageDialog(this, "Could not save " + p + ": " + ex.getMessage(),
					"CalSpike", JOptionPane.ERROR_MESSAGE);
			}
		});
		return m;
	}
}
