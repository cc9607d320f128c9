using PolicyTracker.Benchmarks;

return Cli.Run(args);
