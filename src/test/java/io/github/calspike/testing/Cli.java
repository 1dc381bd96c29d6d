package io.github.calspike.testing;

import io.github.calspike.cli.CalSpikeCli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the command-line runner in this JVM, as a user would, keeping what it printed to stderr. */
public final class Cli {

	/** Exit status of the last run. */
	public int code;
	/** What the last run printed to stderr. */
	public String err = "";

	/** @return the exit status of {@code calspike --out OUT ARGS...} */
	public int run(Path out, String... args) {
		String[] all = new String[args.length + 2];
		all[0] = "--out";
		all[1] = out.toString();
		System.arraycopy(args, 0, all, 2, args.length);
		ByteArrayOutputStream e = new ByteArrayOutputStream();
		code = new CalSpikeCli(new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(e,
			true)).run(all);
		err = e.toString(StandardCharsets.UTF_8);
		return code;
	}
}
