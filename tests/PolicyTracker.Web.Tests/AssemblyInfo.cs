// The in-process commands build a host the same way the app does; running them while a
// WebApplicationFactory is starting the app in parallel would let the factory capture the wrong host.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
