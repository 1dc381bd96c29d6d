package io.github.calspike.extract;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;

import io.github.calspike.files.AtomicFiles;
import io.github.calspike.files.TraceFormatException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Neurofinder regions JSON: a list of {@code {"id": ..., "coordinates": [[row, col], ...]}}, with
 * {@code row} the 0-based y and {@code col} the 0-based x of a pixel.
 */
public final class NeurofinderRegions {

	/** One region: its id and its pixels. */
	public static final class Region {
		private final String id;
		private final int[] xs;
		private final int[] ys;

		/** Creates a region from pixel coordinates x (column) and y (row). */
		public Region(String id, int[] xs, int[] ys) {
			if (xs.length != ys.length) throw new IllegalArgumentException("xs and ys differ in length");
			this.id = id;
			this.xs = xs.clone();
			this.ys = ys.clone();
		}

		/** @return the id as written in the file */
		public String id() {
			return id;
		}

		/** @return pixel x coordinates (the file's col) */
		public int[] xs() {
			return xs.clone();
		}

		/** @return pixel y coordinates (the file's row) */
		public int[] ys() {
			return ys.clone();
		}
	}

	private NeurofinderRegions() {}

	/**
	 * @return the regions in file order
	 * @throws TraceFormatException naming the file and the region when it is not Neurofinder format
	 */
	public static List<Region> read(Path file) throws IOException {
		JsonElement root;
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			root = JsonParser.parseReader(r);
		}
		catch (JsonParseException e) {
			throw new TraceFormatException(file, 0, 0, "not valid JSON: " + rootMessage(e));
		}
		if (!root.isJsonArray()) {
			throw new TraceFormatException(file, 0, 0, "not Neurofinder regions: expected a JSON list " +
				"of {\"id\", \"coordinates\": [[row, col], ...]}, found " + kind(root));
		}
		List<Region> out = new ArrayList<>();
		JsonArray regions = root.getAsJsonArray();
		for (int i = 0; i < regions.size(); i++) {
			out.add(region(file, i, regions.get(i)));
		}
		return Collections.unmodifiableList(out);
	}

	private static Region region(Path file, int i, JsonElement e) throws TraceFormatException {
		String where = "region " + (i + 1);
		if (!e.isJsonObject()) throw bad(file, where + " is " + kind(e) + ", not an object");
		JsonObject o = e.getAsJsonObject();
		String id = o.has("id") && o.get("id").isJsonPrimitive() ? o.get("id").getAsString() : String
			.valueOf(i + 1);
		where += " (id " + id + ")";
		JsonElement c = o.get("coordinates");
		if (c == null || !c.isJsonArray()) {
			throw bad(file, where + " has no \"coordinates\" list of [row, col] pairs");
		}
		JsonArray pts = c.getAsJsonArray();
		int[] xs = new int[pts.size()], ys = new int[pts.size()];
		for (int k = 0; k < pts.size(); k++) {
			JsonElement p = pts.get(k);
			if (!p.isJsonArray() || p.getAsJsonArray().size() != 2 || !isInt(p.getAsJsonArray().get(0)) ||
				!isInt(p.getAsJsonArray().get(1)))
			{
				throw bad(file, where + ", coordinate " + (k + 1) + ": expected [row, col] integers, got " +
					p);
			}
			ys[k] = p.getAsJsonArray().get(0).getAsInt();
			xs[k] = p.getAsJsonArray().get(1).getAsInt();
		}
		return new Region(id, xs, ys);
	}

	/** Writes regions in Neurofinder format, atomically. */
	public static void write(Path file, List<Region> regions) throws IOException {
		AtomicFiles.write(file, out -> {
			JsonWriter w = new JsonWriter(new BufferedWriter(new OutputStreamWriter(out,
				StandardCharsets.UTF_8)));
			w.beginArray();
			for (Region r : regions) {
				w.beginObject().name("id");
				if (r.id.matches("-?\\d{1,9}")) w.value(Integer.parseInt(r.id));
				else w.value(r.id);
				w.name("coordinates").beginArray();
				for (int k = 0; k < r.xs.length; k++) {
					w.beginArray().value(r.ys[k]).value(r.xs[k]).endArray();
				}
				w.endArray().endObject();
			}
			w.endArray();
			w.flush();
		});
	}

	private static boolean isInt(JsonElement e) {
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) return false;
		double d = e.getAsDouble();
		return d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE;
	}

	private static String kind(JsonElement e) {
		if (e.isJsonArray()) return "a list";
		if (e.isJsonObject()) return "an object";
		if (e.isJsonNull()) return "null";
		return "the value " + e;
	}

	private static String rootMessage(Throwable e) {
		while (e.getCause() != null && e.getCause() != e) e = e.getCause();
		return e.getMessage();
	}

	private static TraceFormatException bad(Path file, String problem) {
		return new TraceFormatException(file, 0, 0, "not Neurofinder regions: " + problem);
	}
}
