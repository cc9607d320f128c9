Console.WriteLine("PolicyTracker benchmarks");
