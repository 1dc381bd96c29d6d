package io.github.calspike.command;

import io.github.calspike.ui.OutputService;

import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

/**
 * What every CalSpike command is given by SciJava: where its tables, figures and files go, the
 * log, and the status bar.
 */
abstract class CalSpikeCommand extends ContextCommand {

	@Parameter
	protected OutputService outputs;
	@Parameter
	protected LogService log;
	@Parameter
	protected StatusService status;
}
