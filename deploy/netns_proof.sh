#!/usr/bin/env bash
# A proof of deploy/multihost/ on one Linux machine: each "host" is a network namespace with its
# own address on one private switch, so every hop (nginx -> Rasa, Rasa -> actions, PostgreSQL,
# Redis) crosses a network, as across machines. Run as root from the repository, after `make`
# has trained models/dmhc.tar.gz:   sudo deploy/netns_proof.sh
# Starts:  dmhc-proxy 10.99.0.10  nginx (site from bot.run.deploy_config, self-signed TLS), page
#          dmhc-rasa1 10.99.0.11, dmhc-rasa2 10.99.0.12  Rasa, as dmhc-rasa@.service runs it
#          dmhc-act   10.99.0.21  the action server, as dmhc-actions.service runs it
#          dmhc-db    10.99.0.31  a throw-away PostgreSQL (password login) and Redis (requirepass)
# Checks: a REST message through nginx is answered by the action server's path; Rasa listens on
# its private address only; with rasa1 killed, nginx still answers through rasa2; the
# conversation is in PostgreSQL. Everything it made is removed at exit, whatever happens.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
UNITS=$ROOT/deploy/multihost
PY=$ROOT/.venv/bin/python
NET=10.99.0
NAMESPACES=(dmhc-sw dmhc-proxy dmhc-rasa1 dmhc-rasa2 dmhc-act dmhc-db)
PIDS=()
WORK=$(mktemp -d /tmp/dmhc-netns.XXXXXX)
chmod 755 "$WORK"
PASSWORD=proof-$RANDOM$RANDOM  # throw-away, for this run's databases only

cleanup() {  # SIGTERM what it started, newest first; SIGKILL what is left after 15 s
  local i alive
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill "${PIDS[i]}" 2>/dev/null || true; done
  for _ in $(seq 30); do
    alive=0; for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break; sleep 0.5
  done
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for ns in "${NAMESPACES[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

in_ns() { local ns=$1; shift; ip netns exec "$ns" "$@"; }
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }  # exec, no fork
start() {  # start NS LOG COMMAND...: a background process in a namespace; its pid is kept
  local ns=$1 log=$2; shift 2
  ip netns exec "$ns" "$@" >"$WORK/$log.log" 2>&1 &
  PIDS+=($!)
  disown  # no "Killed" notice from bash when the proof kills one
}
wait_for() {  # wait_for NS URL [SECONDS]
  local ns=$1 url=$2 deadline=$((SECONDS + ${3:-300}))
  until in_ns "$ns" curl -sfk -o /dev/null "$url"; do
    (( SECONDS < deadline )) || { echo "no answer from $url"; tail -20 "$WORK"/*.log; exit 1; }
    sleep 2
  done
}
exec_start() {  # the unit's ExecStart, continuation lines joined, /opt/dmhc -> this repository
  awk '/^ExecStart=/ {on = 1; sub(/^ExecStart=/, "")} on {more = sub(/\\$/, ""); printf "%s ", $0;
       if (!more) exit}' "$1" | sed "s#/opt/dmhc#$ROOT#g"
}

[[ -f $ROOT/models/dmhc.tar.gz ]] || { echo "No models/dmhc.tar.gz: run make train first."; exit 1; }
cd "$ROOT"

# The private network: a bridge in its own namespace, one veth pair per host.
ip netns add dmhc-sw
in_ns dmhc-sw ip link add br0 type bridge
in_ns dmhc-sw ip link set br0 up
declare -A ADDRESS=([dmhc-proxy]=10 [dmhc-rasa1]=11 [dmhc-rasa2]=12 [dmhc-act]=21 [dmhc-db]=31)
for ns in dmhc-proxy dmhc-rasa1 dmhc-rasa2 dmhc-act dmhc-db; do
  n=${ADDRESS[$ns]}
  ip netns add "$ns"
  ip link add "veth$n" netns "$ns" type veth peer name "port$n" netns dmhc-sw
  in_ns dmhc-sw ip link set "port$n" master br0 up
  in_ns "$ns" ip addr add "$NET.$n/24" dev "veth$n"
  in_ns "$ns" ip link set "veth$n" up
  in_ns "$ns" ip link set lo up
done

# The database host: PostgreSQL with a password (as step 1 of the README) and Redis.
mkdir "$WORK/pg" && chown postgres: "$WORK/pg"
echo "$PASSWORD" >"$WORK/pg/pw" && chown postgres: "$WORK/pg/pw" && chmod 600 "$WORK/pg/pw"
as_postgres initdb -D "$WORK/pg/data" -A scram-sha-256 --pwfile="$WORK/pg/pw" >/dev/null
rm "$WORK/pg/pw"
echo "host dmhc dmhc $NET.0/24 scram-sha-256" >>"$WORK/pg/data/pg_hba.conf"
start dmhc-db postgres setpriv --reuid=postgres --regid=postgres --init-groups postgres -D "$WORK/pg/data" -h "$NET.31" -k "$WORK/pg"
start dmhc-db redis redis-server --bind "$NET.31" --port 6379 --requirepass "$PASSWORD" \
  --save "" --appendonly no --dir "$WORK"
until in_ns dmhc-db pg_isready -q -h "$NET.31"; do sleep 1; done
PGPASSWORD=$PASSWORD in_ns dmhc-db psql -q -h "$WORK/pg" -U postgres -d postgres \
  -c "create role dmhc login password '$PASSWORD'" -c "create database dmhc owner dmhc"
until in_ns dmhc-db redis-cli -h "$NET.31" -a "$PASSWORD" --no-auth-warning ping; do sleep 1; done

# Env files from the examples, with this network's addresses and passwords.
SECRET=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')  # the action server's shared secret
sed -e "s/^ACTION_BIND=.*/ACTION_BIND=$NET.21/" -e "s/^ACTION_SERVER_SECRET=.*/ACTION_SERVER_SECRET=$SECRET/" \
  "$UNITS/actions.env.example" >"$WORK/actions.env"
for n in 11 12; do
  sed -e "s/^RASA_BIND=.*/RASA_BIND=$NET.$n/" -e "s/^DB_HOST=.*/DB_HOST=$NET.31/" \
      -e "s/^DB_PASSWORD=.*/DB_PASSWORD=$PASSWORD/" \
      -e "s#^REDIS_URL=.*#REDIS_URL=redis://:$PASSWORD@$NET.31:6379/1#" \
      -e "s#^ACTION_SERVER_URL=.*#ACTION_SERVER_URL=http://$NET.21:5055/webhook#" \
      -e "s/^ACTION_SERVER_SECRET=.*/ACTION_SERVER_SECRET=$SECRET/" \
      "$UNITS/rasa.env.example" >"$WORK/rasa$n.env"
  "$PY" -m bot.run.deploy_config check-env rasa "$WORK/rasa$n.env"
done
sed -e "s#^RASA_URL=.*#RASA_URL=https://chat.example.gov#" "$UNITS/web.env.example" >"$WORK/web.env"

run_unit() {  # run_unit NS LOG UNIT ENVFILE [INSTANCE]: the unit's command with its environment
  local ns=$1 log=$2 unit=$3 envfile=$4 instance=${5:-}
  local command; command=$(exec_start "$unit"); command=${command//%i/$instance}
  start "$ns" "$log" env -i PATH=/usr/bin:/bin PYTHONPATH="$ROOT" HOME="$WORK" \
    RASA_TELEMETRY_ENABLED=false bash -c "set -a; . '$envfile'; set +a; exec $command"
}
run_unit dmhc-act actions "$UNITS/dmhc-actions.service" "$WORK/actions.env"
run_unit dmhc-rasa1 rasa1 "$UNITS/dmhc-rasa@.service" "$WORK/rasa11.env" 5005
run_unit dmhc-rasa2 rasa2 "$UNITS/dmhc-rasa@.service" "$WORK/rasa12.env" 5005
run_unit dmhc-proxy web "$UNITS/dmhc-web.service" "$WORK/web.env"
RASA1_PID=${PIDS[-3]}

# nginx on the proxy host: the site as the README writes it, in a minimal nginx.conf.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=chat.example.gov \
  -addext subjectAltName=DNS:chat.example.gov \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
RASA_HOSTS=$NET.11:5005,$NET.12:5005 "$PY" -m bot.run.deploy_config nginx \
  --server-name chat.example.gov --certificate "$WORK/cert.pem" \
  --certificate-key "$WORK/key.pem" >"$WORK/site.conf"
{
  echo "pid $WORK/nginx.pid; error_log $WORK/nginx-error.log; daemon off;"
  echo "events {} http { access_log $WORK/nginx-access.log;"
  for kind in client_body proxy fastcgi uwsgi scgi; do echo "${kind}_temp_path $WORK/$kind;"; done
  echo "include $WORK/site.conf; }"
} >"$WORK/nginx.conf"
/usr/sbin/nginx -t -q -e "$WORK/nginx-error.log" -c "$WORK/nginx.conf"
start dmhc-proxy nginx /usr/sbin/nginx -e "$WORK/nginx-error.log" -c "$WORK/nginx.conf"

echo "Waiting for both Rasa servers to load the model (a minute or two)..."
wait_for dmhc-proxy "http://$NET.11:5005/webhooks/rest/"
wait_for dmhc-proxy "http://$NET.12:5005/webhooks/rest/"
wait_for dmhc-proxy "http://$NET.21:5055/health" 30

PUBLIC=(--resolve "chat.example.gov:443:$NET.10" --cacert "$WORK/cert.pem")
ask() {  # ask SENDER MESSAGE: a REST message through nginx, from the action host as a client
  in_ns dmhc-act curl -sS --max-time 60 "${PUBLIC[@]}" https://chat.example.gov/webhooks/rest/webhook \
    -d "{\"sender\": \"$1\", \"message\": \"$2\"}"
}
echo "== Rasa listens on its private address only:"
in_ns dmhc-rasa1 ss -ltn | grep ':5005'
echo "== Through nginx (HTTPS), a described denial (answered with the action server's path):"
reply=$(ask netns-proof-1 "Kaiser denied my MRI"); echo "$reply" | head -c 400; echo
grep -qi "grievance" <<<"$reply" || { echo "FAIL: no path in the reply"; exit 1; }
echo "== The page through nginx:"
in_ns dmhc-act curl -sS "${PUBLIC[@]}" https://chat.example.gov/ | grep -o '<title>[^<]*</title>'
echo "== rasa1 killed; the next messages go to rasa2:"
kill -9 "$RASA1_PID"
for i in 1 2 3; do ask netns-proof-2 "hi" | head -c 120; echo; done
sql() { PGPASSWORD=$PASSWORD in_ns dmhc-db psql -tA -h "$NET.31" -U dmhc -d dmhc -c "$1"; }
count=$(sql "select count(*) from events where sender_id in ('netns-proof-1', 'netns-proof-2')")
echo "== Events of both conversations in PostgreSQL on $NET.31: $count"
(( count > 0 )) || { echo "FAIL: nothing stored"; exit 1; }
# denial_route is set only by action_explain_denial's answer: the action host was reached.
route=$(sql "select count(*) from events where sender_id = 'netns-proof-1' and type_name = 'slot'
             and data like '%denial_route%'")
echo "== Slot denial_route set by the action server: $route"
(( route > 0 )) || { echo "FAIL: the action server's answer is not in the conversation"; exit 1; }
echo "PASS: proxy, two Rasa hosts, action host and database host on separate addresses."
