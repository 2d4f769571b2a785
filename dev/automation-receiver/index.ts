export { AUTOMATION_ORIGIN, AutomationReceiver, TOKEN_HEADER, type Fault, type ReceivedRequest, type ReceiverRule } from './receiver';
