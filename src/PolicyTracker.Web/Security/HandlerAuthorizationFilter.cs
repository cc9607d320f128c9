using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PolicyTracker.Web.Security;

/// <summary>
/// Puts one page handler under an authorization policy. ASP.NET Core applies <see cref="AuthorizeAttribute"/>
/// only to whole Razor Pages, but a claim page is for every reader while its tagging handler is for editors.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class HandlerPolicyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// <summary>
/// Enforces <see cref="HandlerPolicyAttribute"/> before the handler runs: an anonymous user is sent to sign in,
/// a signed-in user without the role gets 403, and the handler never executes for either.
/// </summary>
public sealed class HandlerAuthorizationFilter(IAuthorizationPolicyProvider policies, IPolicyEvaluator evaluator) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        if (context.HandlerMethod?.MethodInfo.GetCustomAttribute<HandlerPolicyAttribute>() is not { } required)
        {
            await next();
            return;
        }

        var policy = await policies.GetPolicyAsync(required.Policy)
            ?? throw new InvalidOperationException($"No authorization policy is named '{required.Policy}'.");
        var authentication = await evaluator.AuthenticateAsync(policy, context.HttpContext);
        var result = await evaluator.AuthorizeAsync(policy, authentication, context.HttpContext, context.ActionDescriptor);
        if (result.Challenged)
        {
            context.Result = new ChallengeResult();
        }
        else if (result.Forbidden)
        {
            context.Result = new ForbidResult();
        }
        else
        {
            await next();
        }
    }
}
