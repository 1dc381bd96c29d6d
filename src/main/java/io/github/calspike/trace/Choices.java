package io.github.calspike.trace;

import java.util.Locale;
import java.util.function.Function;

/**
 * Reads a choice a user typed (a dialog's, a macro's or a settings file's word) back into its enum:
 * one rule for every choice, so that "Noise Units", " iterative" and "samples, bins" are read alike,
 * and one error that lists what is accepted.
 */
public final class Choices {

	private Choices() {}

	/**
	 * @param values the enum's values, {@code E.values()}
	 * @param label each value's label as users see it
	 * @param typed what was typed: matched to a label or to the enum's name, ignoring case, leading
	 *          and trailing blanks and blanks around commas
	 * @param what the choice's name for the error, e.g. "layout"
	 * @return the value with that label
	 * @throws IllegalArgumentException naming what was typed and every accepted label
	 */
	public static <E extends Enum<E>> E find(E[] values, Function<E, String> label, String typed,
		String what)
	{
		String t = canonical(typed);
		for (E e : values) {
			if (canonical(label.apply(e)).equals(t) || canonical(e.name()).equals(t)) return e;
		}
		StringBuilder accepted = new StringBuilder();
		for (int i = 0; i < values.length; i++) {
			accepted.append(i == 0 ? "" : i == values.length - 1 ? " or " : ", ").append('\'').append(
				label.apply(values[i])).append('\'');
		}
		throw new IllegalArgumentException("Unknown " + what + " '" + typed + "'; use " + accepted);
	}

	private static String canonical(String s) {
		return s == null ? "" : s.trim().replaceAll("\\s*,\\s*", ",").toLowerCase(Locale.ROOT);
	}
}
