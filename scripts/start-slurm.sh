#!/usr/bin/env bash
# Starts a single-node Slurm cluster on this machine (Debian's slurm-wlm and
# munge, as root), so the cluster deployment (deploy/slurm/) is tested for
# real. Idempotent: a cluster that already answers is left as it is; only the
# daemons that are missing are started. Exits non-zero with a sentence when
# something is wrong.
#
# Why these settings: with no systemd and no cgroup delegation on a CI
# container, proctrack/linuxproc, task/none and jobacct_gather/none are the
# plugins that need nothing from cgroups; addresses are 127.0.0.1 so no DNS
# or /etc/hosts entry for the host name is needed.
set -euo pipefail

conf=/etc/slurm/slurm.conf
marker="# written by softmax-attention judge scripts/start-slurm.sh"
deadline=${SLURM_START_TIMEOUT:-60}

die() { echo "start-slurm: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "run as root (it writes $conf and starts munged, slurmctld, slurmd)"
for tool in munged slurmctld slurmd sinfo scontrol; do
  command -v "$tool" >/dev/null || die "$tool is missing: apt-get install slurm-wlm munge"
done

# One starter at a time (two test runs may call it together). The daemons are
# started with 9>&-: one that kept the lock's descriptor would hold it forever.
exec 9>/run/judge-start-slurm.lock
flock 9

host=$(hostname -s)
node_state() { sinfo -h -N -n "$host" -o '%T' 2>/dev/null | head -n1; }
case "$(node_state)" in
  idle|mixed|allocated|completing) exit 0 ;;  # already up
esac

# munge: the key, then the daemon as the munge user, who owns the key and its
# folders (as Debian's own service runs it).
if [ ! -s /etc/munge/munge.key ]; then
  runuser -u munge -- mungekey --create --keyfile /etc/munge/munge.key ||
    die "could not create /etc/munge/munge.key"
fi
install -d -o munge -g munge -m 0755 /run/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged </dev/null >/dev/null 2>&1 9>&- ||
    die "munged did not start; see /var/log/munge/munged.log"
  for _ in $(seq 20); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.5; done
  munge -n | unmunge >/dev/null || die "munged is not answering; see /var/log/munge/munged.log"
fi

# slurm.conf for this host: CPUs as nproc sees them, RealMemory a little under
# the total (slurmd drains a node that has less than it claims).
cpus=$(nproc)
mem=$(awk '/^MemTotal:/ {print int($2 / 1024 * 0.9)}' /proc/meminfo)
want=$(cat <<EOF
$marker
ClusterName=judge
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
DefMemPerCPU=1024
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmdSpoolDir=/var/lib/slurm/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
)
if [ -e "$conf" ] && ! grep -qxF "$marker" "$conf"; then
  die "$conf exists and was not written by this script; not touching it (and its cluster is not up: sinfo shows no usable node $host)"
fi
if [ "$(cat "$conf" 2>/dev/null)" != "$want" ]; then
  install -d /etc/slurm
  printf '%s\n' "$want" >"$conf"
fi
install -d /var/log/slurm /var/lib/slurm/slurmctld /var/lib/slurm/slurmd

running() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
# The daemons detach; their stdio goes to /dev/null so that they never hold the
# pipes of whoever started them (ctest waits for those to close).
if ! running /run/slurmctld.pid; then
  setsid slurmctld </dev/null >/dev/null 2>&1 9>&- || die "slurmctld did not start; see /var/log/slurm/slurmctld.log"
fi
if ! running /run/slurmd.pid; then
  setsid slurmd </dev/null >/dev/null 2>&1 9>&- || die "slurmd did not start; see /var/log/slurm/slurmd.log"
fi

resumed=no
for _ in $(seq $((deadline * 2))); do
  state=$(node_state)
  case "$state" in
    idle|mixed|allocated) exit 0 ;;
    down*|drain*)
      # Left down by an earlier run (a daemon stopped); it is healthy now.
      if [ "$resumed" = no ]; then
        scontrol update NodeName="$host" State=RESUME >/dev/null 2>&1 || true
        resumed=yes
      fi ;;
  esac
  sleep 0.5
done
die "node $host is not idle after ${deadline}s (sinfo says: '${state:-no answer}'). Logs: /var/log/slurm/slurmctld.log, /var/log/slurm/slurmd.log"
