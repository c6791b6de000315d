#!/bin/sh
# glewlwyd.sh -- Glewlwyd 2.7.5 (Debian package `glewlwyd`) as the reference
# OAuth2 server of the token benchmark: its own SQLite database, loopback only,
# one confidential client with the client_credentials grant.
#
#   sh bench/glewlwyd.sh config DIR PORT     database + config file in DIR
#   (start: glewlwyd --config-file=DIR/glewlwyd.conf, pinned by the caller)
#   sh bench/glewlwyd.sh provision DIR PORT  admin API: plugin, scope, client;
#                                            prints the token request body
#
# Traps met on the way, each handled below:
# - the package's postinst may start a service on port 4593 bound to every
#   interface: we never use that port, nor /etc's database;
# - the stock config @includes a database file: we drop the line and name
#   our own SQLite database;
# - the oidc plugin answers a bare 403 to every confidential client unless
#   the client lists its token_endpoint_auth_method;
# - a client given `password` instead of `client_secret` is checked with
#   PBKDF2 (150,000 rounds): about 50 tokens/s. We use `client_secret`, the
#   fast path, so the comparison is against Glewlwyd at its best;
# - an admin API call with the wrong body answers 400 without a word: every
#   call here is checked for 200.
set -eu
cmd=$1 dir=$2 port=$3
base=http://127.0.0.1:$port/api

case "$cmd" in
config)
	rm -rf "$dir"
	mkdir -p "$dir"
	zcat /usr/share/doc/glewlwyd/database/init.sqlite3.sql.gz | sqlite3 "$dir/glewlwyd.db"
	sed -e "s|^port=.*|port=$port|" \
	    -e "s|^external_url=.*|external_url=\"http://localhost:$port/\"|" \
	    -e 's|^log_mode=.*|log_mode="file"|' \
	    -e "s|^log_file=.*|log_file=\"$dir/glewlwyd.log\"|" \
	    -e 's|^log_level=.*|log_level="WARNING"|' \
	    -e 's|^@include .*||' \
	    /etc/glewlwyd/glewlwyd.conf > "$dir/glewlwyd.conf"
	cat >> "$dir/glewlwyd.conf" <<EOF

bind_address="127.0.0.1"

database =
{
  type = "sqlite3"
  path = "$dir/glewlwyd.db"
};
EOF
	;;
provision)
	jar=$dir/admin.cookies
	curl -sf -o /dev/null -c "$jar" -H 'Content-Type: application/json' \
		-d '{"username":"admin","password":"password"}' "$base/auth/"
	admin() { # METHOD PATH JSON
		code=$(curl -s -o "$dir/last.json" -w '%{http_code}' -b "$jar" -X "$1" \
			-H 'Content-Type: application/json' -d "$3" "$base$2")
		[ "$code" = 200 ] || { echo "glewlwyd: $1 $2 -> $code $(cat "$dir/last.json")" >&2; exit 1; }
	}
	admin POST /scope/ '{"name":"partner_read","display_name":"Partner read","description":"bench","password_required":false,"scheme":{}}'
	admin POST /mod/plugin/ '{"module":"oidc","name":"oidc","display_name":"OpenID Connect","parameters":{
	  "iss":"http://localhost:'"$port"'/","jwt-type":"sha","jwt-key-size":"256","key":"bench-shared-secret-0123456789abcdef",
	  "access-token-duration":3600,"refresh-token-duration":1209600,"code-duration":600,
	  "refresh-token-rolling":true,"refresh-token-one-use":"always","code-revoke-replayed":true,"allow-non-oidc":true,
	  "auth-type-code-enabled":true,"auth-type-token-enabled":false,"auth-type-id-token-enabled":true,"auth-type-none-enabled":false,
	  "auth-type-password-enabled":false,"auth-type-client-enabled":true,"auth-type-refresh-enabled":true,"scope":[]}}'
	admin POST /client/ '{"client_id":"bench","name":"bench","client_secret":"bench-secret-2","confidential":true,"enabled":true,"scope":["partner_read"],"authorization_type":["client_credentials"],"redirect_uri":["http://127.0.0.1:9/cb"],"token_endpoint_auth_method":["client_secret_post","client_secret_basic"]}'
	body='grant_type=client_credentials&scope=partner_read&client_id=bench&client_secret=bench-secret-2'
	code=$(curl -s -o "$dir/last.json" -w '%{http_code}' -d "$body" "$base/oidc/token")
	[ "$code" = 200 ] || { echo "glewlwyd: token -> $code $(cat "$dir/last.json")" >&2; exit 1; }
	echo "$body"
	;;
*)
	echo "usage: glewlwyd.sh config|provision DIR PORT" >&2
	exit 2
	;;
esac
