using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Dray.Sources.Oci;

/// <summary>
/// Sends registry requests with the right Authorization (learned from the WWW-Authenticate challenge),
/// through the shared rate limiter and a Polly retry/timeout pipeline, and turns refusals into clear errors.
/// </summary>
internal sealed partial class RegistryTransport
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly RegistryRateLimiterRegistry _limiters;
    private readonly RegistryTokenService _tokens;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ConcurrentDictionary<string, AuthChallenge> _challenges = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILogger _logger;

    public RegistryTransport(
        IHttpClientFactory httpClientFactory,
        RegistryRateLimiterRegistry limiters,
        RegistryTokenCache tokenCache,
        OciRegistryClientOptions options,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _httpClientFactory = httpClientFactory;
        _limiters = limiters;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,

                // Retry-After is honoured while it fits MaxRetryDelay; a longer one ends the call with a
                // transient error that carries it, so the caller requeues instead of holding a worker.
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? RetryAfter(r) : null),
                ShouldHandle = args => ValueTask.FromResult(
                    HttpClientResiliencePredicates.IsTransient(args.Outcome)
                    && !UntrustedCertificate.Is(args.Outcome.Exception)
                    && !(args.Outcome.Result is { } r && RetryAfter(r) > options.MaxRetryDelay)),
                OnRetry = args =>
                {
                    LogRetry(_logger, args.AttemptNumber + 1, (int?)args.Outcome.Result?.StatusCode, args.RetryDelay);
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
        _tokens = new RegistryTokenService(this, tokenCache, options, timeProvider, logger);
    }

    /// <summary>Returns a success or 404 response; throws <see cref="RegistryException"/> for anything else.</summary>
    public async Task<HttpResponseMessage> SendAsync(RegistryRequest request, CancellationToken cancellationToken)
    {
        var connection = request.Connection;
        var host = connection.Image.ApiHost;
        _challenges.TryGetValue(host, out var challenge);
        var authorization = await AuthorizeAsync(challenge, connection, cancellationToken).ConfigureAwait(false);
        var response = await SendRawAsync(connection, host, request, authorization, cancellationToken).ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.Unauthorized && AuthChallenge.FromResponse(response) is { } fresh)
        {
            _challenges[host] = fresh;
            AuthenticationHeaderValue? retryAuthorization;
            try
            {
                retryAuthorization = await AuthorizeAsync(fresh, connection, cancellationToken, forceNewToken: authorization is not null).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            if (retryAuthorization is not null)
            {
                response.Dispose();
                response = await SendRawAsync(connection, host, request, retryAuthorization, cancellationToken).ConfigureAwait(false);
            }
        }

        return EnsureUsable(response, connection, request.Subject);
    }

    /// <summary>Sends a request outside the repository auth flow (the token endpoint), still limited and retried.</summary>
    internal Task<HttpResponseMessage> SendRawAsync(
        RegistryConnection connection,
        string limiterHost,
        RegistryRequest request,
        AuthenticationHeaderValue? authorization,
        CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(
            connection.InsecureSkipTlsVerify ? OciRegistryClientOptions.InsecureHttpClientName : OciRegistryClientOptions.HttpClientName);
        var limiter = _limiters.Get(limiterHost, connection.Credential);
        return ExecuteAsync(client, limiter, request, authorization, cancellationToken);
    }

    private async Task<HttpResponseMessage> ExecuteAsync(
        HttpClient client,
        RegistryRateLimiter limiter,
        RegistryRequest request,
        AuthenticationHeaderValue? authorization,
        CancellationToken cancellationToken)
    {
        var registry = request.Connection.Image.Registry;
        try
        {
            return await _pipeline.ExecuteAsync(
                async token =>
                {
                    using var lease = await limiter.AcquireAsync(token).ConfigureAwait(false);
                    using var message = new HttpRequestMessage(request.Method, request.Uri);
                    foreach (var accept in request.Accept)
                    {
                        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
                    }

                    message.Headers.Authorization = authorization;
                    var response = await client.SendAsync(message, token).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        var delay = RetryAfter(response) ?? TimeSpan.FromSeconds(1);
                        LogThrottled(_logger, registry, delay);
                        limiter.PauseFor(delay);
                    }

                    return response;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (UntrustedCertificate.Reason(ex) is { } reason)
        {
            throw new RegistryException(
                $"registry {registry} presented a TLS certificate that is not trusted ({reason}): {UntrustedCertificate.Remedy}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new RegistryException($"registry {registry} is unreachable while fetching {request.Subject}: {ex.Message}", ex) { IsTransient = true };
        }
        catch (TimeoutRejectedException ex)
        {
            throw new RegistryException($"registry {registry} timed out while fetching {request.Subject}", ex) { IsTransient = true };
        }
    }

    private async Task<AuthenticationHeaderValue?> AuthorizeAsync(
        AuthChallenge? challenge,
        RegistryConnection connection,
        CancellationToken cancellationToken,
        bool forceNewToken = false)
    {
        if (challenge is null)
        {
            return null;
        }

        if (challenge.IsBearer)
        {
            var token = await _tokens.GetTokenAsync(challenge, connection, forceNewToken, cancellationToken).ConfigureAwait(false);
            return new AuthenticationHeaderValue("Bearer", token);
        }

        if (challenge.IsBasic && connection.Credential is { } credential && !forceNewToken)
        {
            return new AuthenticationHeaderValue("Basic", credential.BasicHeaderValue());
        }

        return null;
    }

    private static HttpResponseMessage EnsureUsable(HttpResponseMessage response, RegistryConnection connection, string subject)
    {
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound)
        {
            return response;
        }

        var status = response.StatusCode;
        var retryAfter = RetryAfter(response);
        response.Dispose();
        var image = connection.Image;
        throw status switch
        {
            HttpStatusCode.Unauthorized when connection.Credential is null =>
                new RegistryAuthenticationException($"registry {image.Registry} requires credentials for {image.Repository}"),
            HttpStatusCode.Unauthorized =>
                new RegistryAuthenticationException($"registry {image.Registry} rejected the credentials for {image.Repository}"),
            HttpStatusCode.Forbidden =>
                new RegistryAuthenticationException($"registry {image.Registry} denied access to {image.Repository}"),
            _ when (int)status >= 500 => new RegistryException(
                $"registry {image.Registry} answered {HttpStatusText.Describe(status)} for {subject}: {HttpStatusText.ServerSide((int)status)}")
            {
                IsTransient = true,
                RetryAfter = retryAfter,
            },
            _ => new RegistryException($"registry {image.Registry} answered {HttpStatusText.Describe(status)} for {subject}")
            {
                IsTransient = (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout,
                RetryAfter = retryAfter,
            },
        };
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date && response.Headers.Date is { } now)
        {
            return date - now > TimeSpan.Zero ? date - now : TimeSpan.Zero;
        }

        return null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Registry request retry {Attempt} after status {Status}, waiting {Delay}")]
    private static partial void LogRetry(ILogger logger, int attempt, int? status, TimeSpan delay);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Registry {Registry} throttled us (429); all callers pause for {Delay}")]
    private static partial void LogThrottled(ILogger logger, string registry, TimeSpan delay);
}
