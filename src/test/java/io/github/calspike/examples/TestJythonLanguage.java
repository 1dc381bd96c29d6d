package io.github.calspike.examples;

import org.python.jsr223.PyScriptEngineFactory;
import org.scijava.plugin.Plugin;
import org.scijava.script.AdaptedScriptLanguage;
import org.scijava.script.ScriptLanguage;

/**
 * For tests only: Jython (jython-slim from Central) as a SciJava script language, so that the
 * example {@code .py} scripts run with their {@code #@} parameters as they do in Fiji, where
 * scripting-jython provides the language.
 */
@Plugin(type = ScriptLanguage.class, name = "Python (Jython, tests)")
public class TestJythonLanguage extends AdaptedScriptLanguage {

	public TestJythonLanguage() {
		super(new PyScriptEngineFactory());
	}
}
