package io.github.calspike.examples;

import ij.IJ;
import ij.Macro;
import ij.Menus;
import ij.plugin.PlugIn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * For tests only: what Fiji's legacy layer does for SciJava commands, in a few lines. It enters
 * CalSpike's commands into ImageJ 1's command table, so a macro's {@code run("Name", "key=value")}
 * runs the command through SciJava with the macro's options (read with ImageJ's own
 * {@link Macro#getValue} rules: {@code key=value} or {@code key=[value with spaces]}).
 */
public class MacroBridge implements PlugIn {

	private static Context context;
	/** Commands that were cancelled, with their reasons. */
	public static final List<String> FAILURES = Collections.synchronizedList(new ArrayList<>());

	/** Makes CalSpike's commands runnable from macros, in {@code c}. */
	@SuppressWarnings("unchecked")
	public static void install(Context c) {
		context = c;
		Hashtable<String, String> table = (Hashtable<String, String>) Menus.getCommands();
		if (table == null) {
			// headless ImageJ 1 builds no menus, hence no command table: fill one from the same
			// IJ_Props.txt entries its menus are made of
			table = new Hashtable<>();
			table.put("Clear Results", "ij.plugin.filter.Analyzer(\"clear\")");
			try (java.io.InputStream in = IJ.class.getResourceAsStream("/IJ_Props.txt")) {
				java.util.regex.Pattern entry = java.util.regex.Pattern.compile(
					"^[a-z]+\\d+=\"([^\"]+)\",(\\S.*)$");
				for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
					.split("\r?\n"))
				{
					java.util.regex.Matcher m = entry.matcher(line.trim());
					if (m.matches()) table.put(m.group(1).replaceFirst("\\[.*\\]$", "").trim(), m.group(2));
				}
			}
			catch (java.io.IOException e) {
				throw new IllegalStateException("cannot read ImageJ's IJ_Props.txt", e);
			}
			try {
				java.lang.reflect.Field f = Menus.class.getDeclaredField("pluginsTable");
				f.setAccessible(true);
				f.set(null, table);
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException("cannot set up ImageJ 1's command table", e);
			}
		}
		for (CommandInfo info : c.service(CommandService.class).getCommands()) {
			if (!info.getClassName().startsWith("io.github.calspike.") || info.getMenuPath() == null ||
				info.getMenuPath().getLeaf() == null) continue;
			String name = info.getMenuPath().getLeaf().getName();
			table.put(name, MacroBridge.class.getName() + "(\"" + name + "\")");
		}
	}

	@Override
	public void run(String name) {
		String options = Macro.getOptions();
		CommandService commands = context.service(CommandService.class);
		CommandInfo info = commands.getCommands().stream().filter(i -> i.getMenuPath() != null && i
			.getMenuPath().getLeaf() != null && name.equals(i.getMenuPath().getLeaf().getName()))
			.findFirst().orElseThrow();
		Map<String, Object> inputs = new LinkedHashMap<>();
		for (ModuleItem<?> item : info.inputs()) {
			String v = options == null ? null : Macro.getValue(options, item.getName(), null);
			if (v != null) inputs.put(item.getName(), v);
		}
		try {
			CommandModule m = commands.run(info, true, inputs).get();
			if (m.isCanceled()) {
				FAILURES.add(name + ": " + m.getCancelReason());
				IJ.error(name, m.getCancelReason());
				Macro.abort();
			}
		}
		catch (Exception e) {
			FAILURES.add(name + ": " + e);
			Macro.abort();
		}
	}
}
