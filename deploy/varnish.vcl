vcl 4.1;

# The edge cache in front of the API: Varnish, run in compose as the `edge` service (profile "edge") in front of nginx.
# It keeps what the API marks public for as long as the API's Cache-Control says, one copy per Vary (Accept-Language,
# Origin), and drops copies when the API purges them: every API instance sends BAN with the surrogate keys it purges
# (Caching:Edge:PurgeTargets), after each content load and each admin purge. See README, "Edge cache".

backend api {
    .host = "nginx";
    .port = "8080";
    .connect_timeout = 2s;
    .first_byte_timeout = 20s;
}

# Who may purge: the API instances' network (compose's backend network and loopback).
acl purgers {
    "127.0.0.1";
    "::1";
    "172.30.0.0"/24;
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        # Keys are the API's cache tags (kind:guidance) and "contentapi" (everything): nothing a regex could misread.
        if (req.http.Surrogate-Key !~ "^[a-z0-9][a-z0-9:._-]*( [a-z0-9][a-z0-9:._-]*)*$") {
            return (synth(400, "Bad Request"));
        }
        # A ban on obj.* alone is tested by the ban lurker in the background, so bans never pile up.
        ban("obj.http.Surrogate-Key ~ (^|\s)(" + regsuball(req.http.Surrogate-Key, " ", "|") + ")(\s|$)");
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A partner's key has a quota the API counts, so keyed requests always reach it.
    if (req.http.X-Api-Key || req.http.Authorization) {
        return (pass);
    }
    # The API sets no cookies and reads none: a partner site's cookies must not split or bypass the cache.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Only what the API can purge is kept: a response without surrogate keys (an error, the OpenAPI documents, health)
    # is fetched every time.
    if (!beresp.http.Surrogate-Key) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
}

sub vcl_deliver {
    # RFC 9211: each cache appends its own entry, nearest the origin first.
    if (obj.hits > 0) {
        set req.http.X-Edge-Status = "Edge; hit";
    } else {
        set req.http.X-Edge-Status = "Edge; fwd=miss";
    }
    if (resp.http.Cache-Status) {
        set resp.http.Cache-Status = resp.http.Cache-Status + ", " + req.http.X-Edge-Status;
    } else {
        set resp.http.Cache-Status = req.http.X-Edge-Status;
    }
    # The keys are for purging, not for partners.
    unset resp.http.Surrogate-Key;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
