package pelcro.exports.contract.support;

/** One of the {@link SessionProbe} classes {@link ClassSessionsTest} runs at once. */
class SessionProbeOne extends SessionProbe {}
