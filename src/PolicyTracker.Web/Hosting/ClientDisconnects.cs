namespace PolicyTracker.Web.Hosting;

/// <summary>
/// A client that goes away before its answer is complete (a closed tab, a cancelled download) cancels the request,
/// and the work under way stops with an exception. That is nothing wrong with the app: it is logged as information,
/// without a stack trace, instead of as an error with a 500. The request log gives it status 499, the status web
/// servers use for a request the client closed, when no other status was sent yet.
/// </summary>
public static class ClientDisconnects
{
    public const int ClientClosedRequest = 499;

    public static IApplicationBuilder UseClientDisconnects(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientDisconnects).FullName!);
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (IsDisconnect(context, ex))
            {
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = ClientClosedRequest;
                }

                logger.LogInformation(
                    "The client disconnected before {RequestMethod} {RequestPath} was answered ({Reason})",
                    context.Request.Method, context.Request.Path.Value, ex.GetType().Name);
            }
        });
    }

    /// <summary>
    /// Cancellation or a broken connection while the client's request is aborted. The same exceptions on a request
    /// still open are real failures and stay errors.
    /// </summary>
    public static bool IsDisconnect(HttpContext context, Exception? ex)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestAborted.IsCancellationRequested && ex is null or OperationCanceledException or IOException;
    }
}
