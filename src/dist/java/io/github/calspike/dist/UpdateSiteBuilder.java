package io.github.calspike.dist;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Builds a Fiji update-site folder: every file stored as {@code <path>-<timestamp>} and an index
 * {@code db.xml.gz} giving each file's checksum, timestamp, size and platform; CalSpike's own jar
 * (the first entry) depends on all the others.
 *
 * <p>
 * Usage: {@code UpdateSiteBuilder FILES.tsv OUT_DIR [yyyyMMddHHmmss]}, where each line of
 * FILES.tsv is {@code fiji/path<TAB>local/file[<TAB>platform]}.
 */
public final class UpdateSiteBuilder {

	/** Timestamp format of the updater. */
	public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	/** One file of the site. */
	public static final class Entry {
		final String path;
		final Path file;
		final String platform;

		/** @param platform Fiji platform name (e.g. linux64), or null for all */
		public Entry(String path, Path file, String platform) {
			this.path = path;
			this.file = file;
			this.platform = platform;
		}
	}

	private UpdateSiteBuilder() {}

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: UpdateSiteBuilder FILES.tsv OUT_DIR [yyyyMMddHHmmss] " +
				"[DESCRIPTION of the first file]");
			System.exit(2);
		}
		String ts = args.length > 2 ? args[2] : ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP);
		List<Entry> entries = readList(Paths.get(args[0]));
		build(entries, Paths.get(args[1]), ts, args.length > 3 ? args[3] : MAIN_DESCRIPTION);
		System.out.println("Update site with " + entries.size() + " files written to " + Paths.get(
			args[1]).toAbsolutePath());
	}

	/** @return the entries of a FILES.tsv list */
	public static List<Entry> readList(Path tsv) throws IOException {
		List<Entry> out = new ArrayList<>();
		int line = 0;
		for (String l : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
			line++;
			if (l.isBlank() || l.startsWith("#")) continue;
			String[] f = l.split("\t");
			if (f.length < 2) throw new IOException(tsv + ": line " + line + ": expected PATH<TAB>FILE");
			Path file = Paths.get(f[1]);
			if (!Files.isRegularFile(file)) throw new IOException(tsv + ": line " + line + ": no file " +
				file);
			out.add(new Entry(f[0], file, f.length > 2 && !f[2].isBlank() ? f[2] : null));
		}
		if (out.isEmpty()) throw new IOException(tsv + ": lists no files");
		return out;
	}

	/**
	 * Writes the site into {@code dir} (created; an existing db.xml.gz is replaced).
	 *
	 * @param timestamp yyyyMMddHHmmss of this upload
	 */
	/** Description of CalSpike's own jar, the first file of the main site. */
	public static final String MAIN_DESCRIPTION =
		"CalSpike: spike inference from calcium imaging with deep learning (DJL, PyTorch)";

	/** As {@link #build(List, Path, String, String)}, for the main site. */
	public static void build(List<Entry> entries, Path dir, String timestamp) throws IOException {
		build(entries, dir, timestamp, MAIN_DESCRIPTION);
	}

	/**
	 * Writes the site: the first entry carries {@code description} and depends on all the others.
	 */
	public static void build(List<Entry> entries, Path dir, String timestamp, String description)
		throws IOException
	{
		if (!timestamp.matches("\\d{14}")) throw new IllegalArgumentException("timestamp must be " +
			"yyyyMMddHHmmss, got " + timestamp);
		Files.createDirectories(dir);
		List<String> sums = new ArrayList<>();
		for (Entry e : entries) {
			Path target = dir.resolve(e.path + "-" + timestamp);
			Files.createDirectories(target.getParent());
			Files.copy(e.file, target, StandardCopyOption.REPLACE_EXISTING);
			sums.add(UpdaterChecksum.of(e.path, e.file));
		}
		Path db = dir.resolve("db.xml.gz"), tmp = dir.resolve("db.xml.gz.tmp");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
			XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
			w.writeStartDocument("UTF-8", "1.0");
			w.writeCharacters("\n");
			w.writeStartElement("pluginRecords");
			for (int i = 0; i < entries.size(); i++) {
				Entry e = entries.get(i);
				w.writeCharacters("\n  ");
				w.writeStartElement("plugin");
				w.writeAttribute("filename", e.path);
				if (e.platform != null) {
					w.writeCharacters("\n    ");
					element(w, "platform", e.platform);
				}
				w.writeCharacters("\n    ");
				w.writeStartElement("version");
				w.writeAttribute("checksum", sums.get(i));
				w.writeAttribute("timestamp", timestamp);
				w.writeAttribute("filesize", Long.toString(Files.size(e.file)));
				w.writeCharacters("\n      ");
				element(w, "description", i == 0 ? description : "Runtime library of CalSpike");
				if (i == 0) {
					for (int j = 1; j < entries.size(); j++) {
						w.writeCharacters("\n      ");
						w.writeEmptyElement("dependency");
						w.writeAttribute("filename", entries.get(j).path);
						w.writeAttribute("timestamp", timestamp);
					}
				}
				w.writeCharacters("\n    ");
				w.writeEndElement();
				w.writeCharacters("\n  ");
				w.writeEndElement();
			}
			w.writeCharacters("\n");
			w.writeEndElement();
			w.writeEndDocument();
			w.close();
		}
		catch (XMLStreamException x) {
			throw new IOException("cannot write " + db + ": " + x.getMessage(), x);
		}
		Files.move(tmp, db, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void element(XMLStreamWriter w, String name, String text)
		throws XMLStreamException
	{
		w.writeStartElement(name);
		w.writeCharacters(text);
		w.writeEndElement();
	}
}
