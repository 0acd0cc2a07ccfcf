"""Publishing the built site for real: what a web server needs besides ``site/``.

* ``built_site``: the regions and pages of a built ``site/``, read from the folder itself;
* ``precompress``: deterministic ``.gz`` files beside the text files, for ``gzip_static``;
* ``content_policy``: the Content-Security-Policy, with a hash of every inline script in the site;
* ``http_rules``: security headers, caching and MIME types, one set for every server we write for;
* ``old_addresses``: old addresses (``/article/<slug>``) as nginx rules and as redirect pages;
* ``nginx_config``: the production nginx configuration;
* ``local_nginx``: Debian's nginx in the foreground on a loopback port (``make serve-prod``, tests);
* ``site_finish``: the build's last step: redirect pages, the root's ``.gz`` files, the configuration;
* ``commands``: ``kompetansebroen-publish``, the command line for all of it.

Nothing here imports MkDocs: a deployer regenerates the configuration from a
built site without a build.
"""
