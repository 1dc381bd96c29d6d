package io.github.calspike.cli;

import ij.ImagePlus;
import ij.WindowManager;

import java.io.File;

import java.util.List;
import java.util.Locale;

import org.scijava.module.ModuleItem;

/**
 * Strict reading of key=value text for a command's parameter: SciJava's converters turn text
 * they cannot read into the parameter's default (or 0, or false) without a word, so every
 * number, boolean and choice is checked here first, and refused with the value as typed and what
 * is allowed.
 */
final class ParameterValues {

	private ParameterValues() {}

	/**
	 * @return the text to hand to SciJava ({@code true}/{@code false} for a boolean given as
	 *         yes/no or 1/0)
	 * @throws IllegalArgumentException naming the parameter, the value and what it accepts
	 */
	static String check(ModuleItem<?> item, String value) {
		String name = item.getName(), v = value.trim();
		Class<?> t = item.getType();
		if (t == boolean.class || t == Boolean.class) {
			switch (v.toLowerCase(Locale.ROOT)) {
				case "true": case "yes": case "1":
					return "true";
				case "false": case "no": case "0":
					return "false";
				default:
					throw new IllegalArgumentException(name + ": '" + value +
						"' is not a boolean; use true or false (yes/no and 1/0 also work)");
			}
		}
		if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
			double d;
			try {
				d = Double.parseDouble(v);
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException(name + ": '" + value + "' is not a number");
			}
			if (!Double.isFinite(d)) {
				throw new IllegalArgumentException(name + ": '" + value + "' is not a finite number");
			}
			checkRange(item, d, value);
			return v;
		}
		if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
			long l;
			try {
				l = Long.parseLong(v);
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number");
			}
			if ((t == int.class || t == Integer.class) && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE))
			{
				throw new IllegalArgumentException(name + ": '" + value + "' is too large");
			}
			checkRange(item, l, value);
			return v;
		}
		if (t == File.class && v.isEmpty()) {
			throw new IllegalArgumentException(name + ": no file given (" + name + "= is empty)");
		}
		if (t == ImagePlus.class && WindowManager.getImage(v) == null) {
			File f = new File(v);
			if (!f.exists()) throw new IllegalArgumentException(name + ": no such file, and no open " +
				"image has that title: " + value);
			if (f.isDirectory()) throw new IllegalArgumentException(name + ": " + value +
				" is a folder, not an image file");
		}
		List<?> choices = item.getChoices();
		if (choices != null && !choices.isEmpty()) {
			for (Object c : choices) if (c.toString().equals(v)) return v;
			StringBuilder b = new StringBuilder();
			for (Object c : choices) b.append(b.length() == 0 ? "" : ", ").append('\'').append(c).append('\'');
			throw new IllegalArgumentException(name + ": '" + value + "' is not one of " + b);
		}
		return value;
	}

	private static void checkRange(ModuleItem<?> item, double d, String value) {
		Object min = item.getMinimumValue(), max = item.getMaximumValue();
		if (min != null && d < Double.parseDouble(min.toString())) {
			throw new IllegalArgumentException(item.getName() + ": '" + value + "' is below its minimum " +
				min);
		}
		if (max != null && d > Double.parseDouble(max.toString())) {
			throw new IllegalArgumentException(item.getName() + ": '" + value + "' is above its maximum " +
				max);
		}
	}
}
